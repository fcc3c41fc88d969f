import { useSyncExternalStore } from 'react';
import { getSessionSnapshot, subscribeToSession, type SessionSnapshot } from './auth-session';
import type { User } from './api-types';

export interface Auth extends SessionSnapshot {
  user: User | null;
}

/** The current session, re-rendering when it starts, renews or ends. */
export function useAuth(): Auth {
  const snapshot = useSyncExternalStore(subscribeToSession, getSessionSnapshot, getSessionSnapshot);
  return { ...snapshot, user: snapshot.session?.user ?? null };
}
