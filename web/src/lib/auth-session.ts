import type { TokenResponse, User } from './api-types';
import { lastActivityAt, resetIdleForTests, startIdleWatch, stopIdleWatch } from './idle';
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
  /** Signed out because nobody used the app for this many minutes (the sign-in's idle timeout). */
  idleMinutes?: number;
}

/**
 * The login and refresh answer; `idleTimeout` (seconds the sign-in survives without a refresh) is written by hand
 * until the generated types have it.
 */
export type TokenAnswer = TokenResponse & { idleTimeout?: number };

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
/** The sign-in's idle timeout (from the server), null when the answer did not say. */
let idleLimitMs: number | null = null;
/** When the access token was last renewed (epoch milliseconds). */
let lastRefreshAt = 0;
/** The renewal came due while nobody used the app: renew at the next activity. */
let refreshDue = false;
/**
 * Counts the session's ends: a renewal answering after the session ended (a sign-out, the idle sign-out, a 401) is
 * dropped instead of signing the user back in. The server ended that sign-in too.
 */
let sessionEnds = 0;
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
    void refreshIfActive();
  }, delayMs);
}

/** Someone used the app since the last renewal (always true when the idle timeout is not known). */
function activeSinceRefresh(): boolean {
  return idleLimitMs === null || lastActivityAt() > lastRefreshAt;
}

/**
 * The timer's renewal: only after activity, so that an open, unattended tab lets the sign-in go idle. Otherwise
 * the renewal waits for the next activity (the idle watch's `onActivity`).
 */
function refreshIfActive(): Promise<Session | null> {
  if (snapshot.status === 'signed-in' && !activeSinceRefresh()) {
    refreshDue = true;
    return Promise.resolve(null);
  }
  refreshDue = false;
  return refreshSession();
}

function onActivity() {
  if (refreshDue) {
    refreshDue = false;
    void refreshSession();
  }
}

/**
 * Signs out because nobody used the app for the idle timeout. The server ends the sign-in but is asked to keep the
 * site's storage: sessions recorded on this device (the offline queue) stay for the same user's next sign-in.
 */
export function signOutForInactivity() {
  const minutes = Math.max(1, Math.round((idleLimitMs ?? 0) / 60_000));
  void fetch('/api/auth/logout', {
    method: 'POST',
    headers: { ...WEB_CLIENT_HEADERS, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ afterInactivity: true }),
    credentials: 'same-origin',
    keepalive: true,
  }).catch(() => undefined);
  endSession({ idleMinutes: minutes });
}

/** Starts (or renews) the session from a login or refresh response. */
export function startSession(tokens: TokenAnswer): Session {
  const lifetimeMs = tokens.expiresIn * 1000;
  const session: Session = {
    accessToken: tokens.accessToken,
    expiresAt: Date.now() + lifetimeMs,
    user: tokens.user,
  };
  idleLimitMs = tokens.idleTimeout ? tokens.idleTimeout * 1000 : null;
  lastRefreshAt = Date.now();
  refreshDue = false;
  const beforeExpiry = lifetimeMs > 2 * REFRESH_MARGIN_MS ? lifetimeMs - REFRESH_MARGIN_MS : lifetimeMs / 2;
  // renewing at least twice per idle timeout keeps the server's idle clock (from the last renewal) behind ours
  scheduleRefresh(idleLimitMs === null ? beforeExpiry : Math.min(beforeExpiry, idleLimitMs / 2));
  if (idleLimitMs !== null) startIdleWatch({ limitMs: idleLimitMs, onTimeout: signOutForInactivity, onActivity });
  else stopIdleWatch();
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
export function endSession({ unreachable = false, idleMinutes }: { unreachable?: boolean; idleMinutes?: number } = {}) {
  sessionEnds += 1;
  clearTimeout(refreshTimer);
  stopIdleWatch();
  refreshDue = false;
  watchOnline(false);
  if (!unreachable) forgetOfflineIdentity().catch(() => undefined);
  publish({ status: 'signed-out', session: null, offlineUser: null, unreachable, idleMinutes });
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
  const ends = sessionEnds;
  const ended = () => sessionEnds !== ends;
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
    return ended() ? null : unreachable();
  }
  if (ended()) return null;
  // A 5xx (or a proxy's 502/504) says nothing about the session: the server could not answer.
  if (response.status >= 500) return unreachable();
  if (!response.ok) {
    endSession();
    return null;
  }
  const tokens = (await response.json()) as TokenAnswer;
  return ended() ? null : startSession(tokens);
}

/**
 * A renewal an API call asks for after a 401: only after activity, like the timer's (background polls must not keep
 * an unattended sign-in alive); resolves to null otherwise.
 */
export function refreshSessionIfActive(): Promise<Session | null> {
  return refreshIfActive();
}

/**
 * A fresh access token for a long-lived connection (the live event stream): renewed now after activity, otherwise
 * once someone uses the app again; null when the session ends meanwhile.
 */
export async function freshAccessToken(): Promise<string | null> {
  const renewed = await refreshIfActive();
  if (renewed) return renewed.accessToken;
  if (snapshot.status !== 'signed-in') return null;
  const stale = snapshot.session?.accessToken;
  return new Promise((resolve) => {
    const unsubscribe = subscribeToSession(() => {
      const token = snapshot.session?.accessToken ?? null;
      if (token === stale) return;
      unsubscribe();
      resolve(snapshot.status === 'signed-in' ? token : null);
    });
  });
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
  resetIdleForTests();
  idleLimitMs = null;
  lastRefreshAt = 0;
  refreshDue = false;
  refreshInFlight = null;
  restoring = null;
  watchOnline(false);
  snapshot = INITIAL;
  listeners.clear();
}
