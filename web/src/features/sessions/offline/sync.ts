import { useEffect, useSyncExternalStore } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-error';
import { getAccessToken, subscribeToSession } from '../../../lib/auth-session';
import { postSessionEvents } from '../api/post-session-events';
import { putSession } from '../api/put-session';
import { submitSession } from '../api/submit-session';
import { deleteDraft, inFlight, listOps, markFailed, onOutboxChange, removeOps, serialize } from './outbox';
import { countWaiting, nextBatch, type Batch } from './sync-batch';
import type { SyncSnapshot } from './sync-status';

/**
 * Sends the outbox to the server, oldest first, whenever the browser is online and the user signed in (an offline
 * session, which has no token, only counts it; the loop starts sending once the session is renewed).
 * Network errors and 5xx answers are retried with a growing pause (up to a minute); a 4xx answer marks the
 * entry failed with the server's message and holds back the rest of that session until the user acts.
 */

const MAX_BACKOFF_MS = 60_000;

let userId: string | null = null;
let running = false;
let again = false;
let backoffMs = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let snapshot: SyncSnapshot = {
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  waiting: 0,
  waitingBySession: {},
  error: null,
};
const listeners = new Set<() => void>();

function publish(change: Partial<SyncSnapshot>) {
  snapshot = { ...snapshot, ...change };
  listeners.forEach((listener) => listener());
}

export function getSyncSnapshot(): SyncSnapshot {
  return snapshot;
}

export function subscribeToSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

async function refreshCounts() {
  if (!userId) {
    publish({ waiting: 0, waitingBySession: {}, error: null });
    return;
  }
  const ops = await listOps(userId);
  const waitingBySession: Record<string, number> = {};
  for (const op of ops) waitingBySession[op.sessionId] = (waitingBySession[op.sessionId] ?? 0) + countWaiting([op]);
  publish({
    waiting: countWaiting(ops),
    waitingBySession,
    error: ops.find((op) => op.status === 'failed')?.error ?? null,
  });
}

async function send(batch: Batch): Promise<void> {
  if (batch.kind === 'put') {
    await putSession(batch.sessionId, batch.op.body);
  } else if (batch.kind === 'events') {
    await postSessionEvents(batch.sessionId, batch.events);
  } else {
    try {
      await submitSession(batch.sessionId, batch.op.body);
    } catch (error) {
      // 409: already submitted, e.g. the first try got through but its answer was lost. Nothing is left to do.
      if (!(error instanceof ApiError && error.status === 409)) throw error;
    }
    await deleteDraft(batch.sessionId);
  }
}

/** The message kept with a refused entry: the server's words, with the first invalid field when it named one. */
function refusal(error: unknown): string {
  const message = errorMessage(error);
  const first = error instanceof ApiError ? error.errors[0] : undefined;
  return first ? `${message} (${first.pointer}: ${first.detail})` : message;
}

function isPermanent(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    ![401, 408, 425, 429].includes(error.status)
  );
}

async function run() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  clearTimeout(retryTimer);
  try {
    while (userId && snapshot.online && getAccessToken()) {
      const owner = userId;
      const batch = await serialize(async () => {
        const next = nextBatch(await listOps(owner));
        next?.seqs.forEach((seq) => inFlight.add(seq));
        return next;
      });
      if (!batch) break;
      try {
        await send(batch);
        await removeOps(batch.seqs);
        backoffMs = 0;
      } catch (error) {
        if (isPermanent(error)) {
          await markFailed(batch.seqs, refusal(error));
          continue;
        }
        // 401 here means the session has ended; signing in again starts the loop anew.
        if (error instanceof ApiError && error.status === 401) break;
        backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(1000, backoffMs * 2));
        retryTimer = setTimeout(kickSync, backoffMs);
        break;
      } finally {
        batch.seqs.forEach((seq) => inFlight.delete(seq));
      }
    }
  } finally {
    running = false;
    await refreshCounts().catch(() => undefined);
    if (again) {
      again = false;
      void run();
    }
  }
}

/** Looks at the outbox now: refreshes the counts and sends what can be sent. */
export function kickSync() {
  void refreshCounts()
    .catch(() => undefined)
    .then(run);
}

/** Starts syncing the signed-in user's outbox; the returned function stops it. */
export function startSync(id: string): () => void {
  userId = id;
  backoffMs = 0;
  const onOnline = () => {
    publish({ online: true });
    backoffMs = 0;
    kickSync();
  };
  const onOffline = () => publish({ online: false });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  const stopListening = onOutboxChange(kickSync);
  const stopSession = subscribeToSession(kickSync);
  publish({ online: navigator.onLine });
  kickSync();
  return () => {
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    stopListening();
    stopSession();
    clearTimeout(retryTimer);
    if (userId === id) userId = null;
    publish({ waiting: 0, waitingBySession: {}, error: null });
  };
}

/** Keeps the signed-in user's outbox flowing to the server while the app is open. */
export function useOutboxSync(id: string | undefined) {
  useEffect(() => (id ? startSync(id) : undefined), [id]);
}

export function useSyncStatus(): SyncSnapshot {
  return useSyncExternalStore(subscribeToSync, getSyncSnapshot, getSyncSnapshot);
}
