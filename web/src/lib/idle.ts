/**
 * Whether the person at this device is still there: the idle timeout of a sign-in, held in an open tab.
 *
 * The server ends a sign-in that was not refreshed for its idle timeout (staff 30 minutes, parents 7 days; the login
 * and refresh answers say how long, `idleTimeout`). The session code refreshes only after activity, and this
 * module watches for it: input events (pointer, keys, wheel, touch) in any tab of the origin count for all of them
 * (a time stamp in localStorage, read by every tab when it checks). Shortly before the limit the app warns ("You'll be
 * signed out in 2:00 — Stay signed in"); while the warning shows, only "Stay signed in" (or Escape) counts, so a
 * mouse merely passing over the page does not dismiss it; at the limit `onTimeout` signs out.
 */

/** The newest activity, in epoch milliseconds, shared by the tabs of the origin. */
export const ACTIVITY_KEY = 'spark-last-activity';
/** Input that counts as the person being there. */
export const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
/** The shared stamp is written at most this often (every mouse move would be a write otherwise). */
const STAMP_EVERY_MS = 5_000;
/** The warning comes this long before the limit (half the limit when that is shorter). */
export const WARNING_LEAD_MS = 120_000;
/** However far away the next event, look again at least this often (timers stop while a laptop sleeps). */
const MAX_CHECK_DELAY_MS = 60_000;

export interface IdleSnapshot {
  /** Set while the warning shows: when the sign-out comes (epoch milliseconds). */
  signOutAt: number | null;
}

export interface IdleWatchOptions {
  /** The sign-in's idle timeout in milliseconds. */
  limitMs: number;
  /** The limit passed without activity: sign out. */
  onTimeout: () => void;
  /** Someone used the page (not called while the warning shows). */
  onActivity?: () => void;
}

let localLast = 0;
let lastStamped = 0;
let watch: IdleWatchOptions | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let snapshot: IdleSnapshot = { signOutAt: null };
const listeners = new Set<() => void>();

function publish(next: IdleSnapshot) {
  if (next.signOutAt === snapshot.signOutAt) return;
  snapshot = next;
  listeners.forEach((listener) => listener());
}

export function getIdleSnapshot(): IdleSnapshot {
  return snapshot;
}

export function subscribeToIdle(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function readStamp(): number {
  try {
    return Number(window.localStorage.getItem(ACTIVITY_KEY)) || 0;
  } catch {
    return 0;
  }
}

function writeStamp(at: number) {
  try {
    if (readStamp() < at) window.localStorage.setItem(ACTIVITY_KEY, String(at));
  } catch {
    // Without localStorage activity still counts in this tab.
  }
}

/** The newest activity in any tab of the origin (epoch milliseconds). */
export function lastActivityAt(): number {
  return Math.max(localLast, readStamp());
}

/** Records activity now; `force` writes the shared stamp at once (the "Stay signed in" button). */
export function noteActivity({ force = false }: { force?: boolean } = {}) {
  const now = Date.now();
  localLast = Math.max(localLast, now);
  if (force || now - lastStamped >= STAMP_EVERY_MS) {
    lastStamped = now;
    writeStamp(now);
  }
}

function warningLead(limitMs: number): number {
  return Math.min(WARNING_LEAD_MS, limitMs / 2);
}

function check() {
  clearTimeout(timer);
  if (!watch) return;
  const now = Date.now();
  const deadline = lastActivityAt() + watch.limitMs;
  if (now >= deadline) {
    const { onTimeout } = watch;
    stopIdleWatch();
    onTimeout();
    return;
  }
  const warnAt = deadline - warningLead(watch.limitMs);
  if (now >= warnAt) {
    publish({ signOutAt: deadline });
    // once a second: the countdown, and a stamp another tab wrote meanwhile
    timer = setTimeout(check, Math.min(1_000, deadline - now));
  } else {
    publish({ signOutAt: null });
    timer = setTimeout(check, Math.min(MAX_CHECK_DELAY_MS, warnAt - now));
  }
}

const onInput = () => {
  if (!watch || snapshot.signOutAt !== null) return;
  noteActivity();
  watch.onActivity?.();
};

const onStorage = (event: StorageEvent) => {
  if (event.key === ACTIVITY_KEY && watch) check();
};

/** Starts watching (or changes the limit); counts from now, as a sign-in or a refresh is activity. */
export function startIdleWatch(options: IdleWatchOptions) {
  const starting = watch === null;
  watch = options;
  if (starting) {
    noteActivity({ force: true });
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, onInput, { capture: true, passive: true }));
    window.addEventListener('storage', onStorage);
  }
  check();
}

export function stopIdleWatch() {
  clearTimeout(timer);
  if (watch) {
    ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, onInput, { capture: true }));
    window.removeEventListener('storage', onStorage);
  }
  watch = null;
  publish({ signOutAt: null });
}

/** "Stay signed in": activity for every tab, and the warning goes. */
export function staySignedIn() {
  noteActivity({ force: true });
  watch?.onActivity?.();
  check();
}

/** For tests: back to the state of a freshly loaded page. */
export function resetIdleForTests() {
  stopIdleWatch();
  localLast = 0;
  lastStamped = 0;
  listeners.clear();
  try {
    window.localStorage.removeItem(ACTIVITY_KEY);
  } catch {
    // no localStorage, no stamp
  }
}
