import type { TokenResponse, User } from './api-types';

/**
 * The signed-in session of this browser tab.
 *
 * The access token lives in memory only (never in localStorage or sessionStorage), so a reload
 * loses it; the session comes back through `POST /api/auth/refresh`, which reads the HttpOnly
 * `spark_refresh` cookie. Refreshes are coalesced: however many callers ask at once, one request
 * goes out, because the server rotates the cookie on every refresh.
 */

/** Makes the server keep the refresh token in its HttpOnly cookie instead of the JSON body. */
export const WEB_CLIENT_HEADERS = { 'X-Spark-Client': 'web' } as const;

export interface Session {
  accessToken: string;
  /** Epoch milliseconds after which the access token is no longer accepted. */
  expiresAt: number;
  user: User;
}

export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out';

export interface SessionSnapshot {
  status: SessionStatus;
  session: Session | null;
}

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;
/** After a network failure, try the refresh again this much later. */
const NETWORK_RETRY_MS = 30_000;

let snapshot: SessionSnapshot = { status: 'restoring', session: null };
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
  publish({ status: 'signed-in', session });
  return session;
}

/** Replaces the signed-in user's details, e.g. after they changed their name. */
export function updateSessionUser(user: User) {
  if (snapshot.session) publish({ status: 'signed-in', session: { ...snapshot.session, user } });
}

/** Forgets the session locally; the caller is responsible for telling the server. */
export function endSession() {
  clearTimeout(refreshTimer);
  publish({ status: 'signed-out', session: null });
}

async function requestRefresh(): Promise<Session | null> {
  let response: Response;
  try {
    response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { ...WEB_CLIENT_HEADERS, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{}',
      credentials: 'same-origin',
    });
  } catch {
    // Offline: keep a still-valid session and try again later rather than signing the user out.
    const current = snapshot.session;
    if (current && current.expiresAt > Date.now()) {
      scheduleRefresh(NETWORK_RETRY_MS);
      return current;
    }
    endSession();
    return null;
  }
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
  snapshot = { status: 'restoring', session: null };
  listeners.clear();
}
