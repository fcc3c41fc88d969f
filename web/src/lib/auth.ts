import { useSyncExternalStore } from 'react';
import { getSessionSnapshot, subscribeToSession, type SessionSnapshot } from './auth-session';
import type { User } from './api-types';
import type { OfflineIdentity } from './offline-identity';

export interface Auth extends SessionSnapshot {
  /** The signed-in user; null in an offline session. */
  user: User | null;
  /** Who uses the app: the signed-in user, or in an offline session the therapist remembered on this device. */
  identity: OfflineIdentity | null;
}

/** The current session, re-rendering when it starts, renews, goes offline or ends. */
export function useAuth(): Auth {
  const snapshot = useSyncExternalStore(subscribeToSession, getSessionSnapshot, getSessionSnapshot);
  const user = snapshot.session?.user ?? null;
  return { ...snapshot, user, identity: user ?? snapshot.offlineUser };
}
