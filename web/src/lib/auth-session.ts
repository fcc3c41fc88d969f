import type { TokenResponse, User } from './api-types';
import {
  forgetOfflineIdentity,
  loadOfflineIdentity,
  rememberOfflineIdentity,
  type OfflineIdentity,
} from './offline-identity';

/**
 * The signed-in session of this browser tab.
 *
 * The access token lives in memory only (never in localStorage or sessionStorage), so a reload
 * loses it; the session comes back through `POST /api/auth/refresh`, which reads the HttpOnly
 * `__Host-spark_refresh` cookie. Refreshes are coalesced: however many callers ask at once, one request
 * goes out, because the server rotates the cookie on every refresh.
 *
 * When the refresh cannot reach the server (network error, timeout, 5xx) and a therapist is remembered on this
 * device, the app runs an offline session: no token, only the on-device recording works, and the refresh is
 * tried again on the browser's 'online' event and every 30 seconds. A refusal (401) always signs out.
 */

/** Makes the server keep the refresh token in its HttpOnly cookie instead of the JSON body. */
export const WEB_CLIENT_HEADERS = { 'X-Spark-Client': 'web' } as const;

export interface Session {
  accessToken: string;
  /** Epoch milliseconds after which the access token is no longer accepted. */
  expiresAt: number;
  user: User;
}

export type SessionStatus = 'restoring' | 'signed-in' | 'offline' | 'signed-out';

export interface SessionSnapshot {
  status: SessionStatus;
  session: Session | null;
  /** In an offline session: the therapist remembered on this device. */
  offlineUser: OfflineIdentity | null;
  /** Signed out because the server could not be reached and nobody is remembered on this device. */
  unreachable: boolean;
}

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;
/** After a network failure, try the refresh again this much later. */
const NETWORK_RETRY_MS = 30_000;
/** A refresh that has not answered by then counts as a network failure. */
const REFRESH_TIMEOUT_MS = 10_000;

const INITIAL: SessionSnapshot = { status: 'restoring', session: null, offlineUser: null, unreachable: false };

let snapshot: SessionSnapshot = INITIAL;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshInFlight: Promise<Session | null> | null = null;
let restoring: Promise<Session | null> | null = null;
const listeners = new Set<() => void>();

function publish(next: SessionSnapshot) {
  snapshot = next;
  listeners.forEach((listener) => listener());
}

export function getSessionSnapshot(): SessionSnapshot {
  return snapshot;
}

export function getAccessToken(): string | null {
  return snapshot.session?.accessToken ?? null;
}

export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const onOnline = () => void refreshSession();

/** While offline without a token: try the refresh as soon as the browser is back online. */
function watchOnline(watch: boolean) {
  if (typeof window === 'undefined') return;
  if (watch) window.addEventListener('online', onOnline);
  else window.removeEventListener('online', onOnline);
}

function scheduleRefresh(delayMs: number) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    void refreshSession();
  }, delayMs);
}

/** Starts (or renews) the session from a login or refresh response. */
export function startSession(tokens: TokenResponse): Session {
  const lifetimeMs = tokens.expiresIn * 1000;
  const session: Session = {
    accessToken: tokens.accessToken,
    expiresAt: Date.now() + lifetimeMs,
    user: tokens.user,
  };
  scheduleRefresh(lifetimeMs > 2 * REFRESH_MARGIN_MS ? lifetimeMs - REFRESH_MARGIN_MS : lifetimeMs / 2);
  watchOnline(false);
  remember(tokens.user);
  publish({ status: 'signed-in', session, offlineUser: null, unreachable: false });
  return session;
}

/** Replaces the signed-in user's details, e.g. after they changed their name. */
export function updateSessionUser(user: User) {
  if (!snapshot.session) return;
  remember(user);
  publish({ ...snapshot, session: { ...snapshot.session, user } });
}

function remember(user: User) {
  rememberOfflineIdentity(user).catch(() => {
    // Without IndexedDB the app still works online; only the offline session is unavailable.
  });
}

/**
 * Forgets the session locally, and the user remembered for offline use (the outbox stays until sign-out);
 * the caller is responsible for telling the server.
 */
export function endSession({ unreachable = false }: { unreachable?: boolean } = {}) {
  clearTimeout(refreshTimer);
  watchOnline(false);
  if (!unreachable) forgetOfflineIdentity().catch(() => undefined);
  publish({ status: 'signed-out', session: null, offlineUser: null, unreachable });
}

/** The server could not be reached: keep a valid token, else continue offline as the remembered therapist. */
async function unreachable(): Promise<Session | null> {
  const current = snapshot.session;
  if (current && current.expiresAt > Date.now()) {
    scheduleRefresh(NETWORK_RETRY_MS);
    return current;
  }
  const identity = await loadOfflineIdentity().catch(() => null);
  if (!identity) {
    // Signed out, but the silent sign-in is tried again once the browser is back online.
    endSession({ unreachable: true });
    watchOnline(true);
    return null;
  }
  scheduleRefresh(NETWORK_RETRY_MS);
  watchOnline(true);
  publish({ status: 'offline', session: null, offlineUser: identity, unreachable: false });
  return null;
}

async function requestRefresh(): Promise<Session | null> {
  let response: Response;
  try {
    response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { ...WEB_CLIENT_HEADERS, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{}',
      credentials: 'same-origin',
      signal: AbortSignal.timeout(REFRESH_TIMEOUT_MS),
    });
  } catch {
    return unreachable();
  }
  // A 5xx (or a proxy's 502/504) says nothing about the session: the server could not answer.
  if (response.status >= 500) return unreachable();
  if (!response.ok) {
    endSession();
    return null;
  }
  return startSession((await response.json()) as TokenResponse);
}

/** Gets a new access token through the refresh cookie; resolves to null when there is no valid session. */
export function refreshSession(): Promise<Session | null> {
  refreshInFlight ??= requestRefresh().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/** Silent sign-in when the app starts; runs once however often it is called. */
export function restoreSession(): Promise<Session | null> {
  restoring ??= refreshSession();
  return restoring;
}

/** For tests: back to the state of a freshly loaded page. */
export function resetSessionForTests() {
  clearTimeout(refreshTimer);
  refreshInFlight = null;
  restoring = null;
  watchOnline(false);
  snapshot = INITIAL;
  listeners.clear();
}
