import { useSyncExternalStore } from 'react';

/**
 * The requests that are waiting out a 503 `Retry-After` (ADR 0041, 0046): the API client registers each while it
 * waits and retries, and one status line (ServerRetryStatus) tells people the server is briefly away.
 */
export interface ServerRetrySnapshot {
  /** When the next attempt of the soonest waiting request starts (epoch ms), or null when nothing waits. */
  nextAttemptAt: number | null;
  /** That request's wait in whole seconds, as it began (what screen readers hear). */
  waitSeconds: number;
}

const waiting = new Map<symbol, { at: number; seconds: number }>();
let snapshot: ServerRetrySnapshot = { nextAttemptAt: null, waitSeconds: 0 };
const listeners = new Set<() => void>();

function publish() {
  const soonest = [...waiting.values()].reduce<{ at: number; seconds: number } | null>(
    (first, wait) => (first === null || wait.at < first.at ? wait : first),
    null,
  );
  snapshot = { nextAttemptAt: soonest?.at ?? null, waitSeconds: soonest?.seconds ?? 0 };
  listeners.forEach((listener) => listener());
}

export function getServerRetrySnapshot(): ServerRetrySnapshot {
  return snapshot;
}

export function subscribeToServerRetry(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useServerRetry(): ServerRetrySnapshot {
  return useSyncExternalStore(subscribeToServerRetry, getServerRetrySnapshot);
}

/** One request's place in the status while it retries; `done()` once it has an answer (or gave up). */
export function retryingRequest() {
  const id = Symbol('retrying request');
  return {
    /** Waits `ms` before the next attempt; rejects with the signal's reason when it aborts first. */
    wait(ms: number, signal?: AbortSignal): Promise<void> {
      waiting.set(id, { at: Date.now() + ms, seconds: Math.max(1, Math.floor(ms / 1000)) });
      publish();
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(abortReason(signal));
          return;
        }
        const onAbort = () => {
          clearTimeout(timer);
          reject(abortReason(signal!));
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    done() {
      if (waiting.delete(id)) publish();
    },
  };
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The request was aborted.', 'AbortError');
}
