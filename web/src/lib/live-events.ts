import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { freshAccessToken, getAccessToken } from './auth-session';
import { useAuth } from './auth';
import { LiveConnection, type LiveEvent, type LiveStatus } from './live-connection';

export type { LiveEvent, LiveStatus } from './live-connection';

/**
 * The live client of the whole app: one event stream per signed-in tab (mounted once, in the app shell). Each
 * event makes TanStack Query refetch what it may have changed; screens that want the raw event subscribe with
 * {@link useLiveEvent}; {@link useLiveStatus} drives the shell's small "live" indicator.
 */

const MESSAGING: QueryKey = ['messaging'];
const NOTIFICATIONS: QueryKey = ['notifications'];
const APPOINTMENTS: QueryKey = ['scheduling', 'appointments'];
/** Authorizations count the units of appointments: booking, completing or cancelling one changes them. */
const AUTHORIZATIONS: QueryKey = ['billing', 'authorizations'];

/** Every cached query that live events keep fresh (prefixes of query keys). */
export const LIVE_QUERY_PREFIXES: readonly QueryKey[] = [MESSAGING, NOTIFICATIONS, APPOINTMENTS, AUTHORIZATIONS];

/** The cached queries an event type may have made stale (prefixes of query keys). */
export function queryPrefixesFor(type: string): QueryKey[] {
  if (type.startsWith('message.') || type.startsWith('conversation.')) return [MESSAGING];
  if (type.startsWith('notification.')) return [NOTIFICATIONS];
  if (type.startsWith('appointment.')) return [APPOINTMENTS, AUTHORIZATIONS];
  return [];
}

/**
 * A stream that starts from now missed whatever changed while the screens were loading: refetch what live events
 * would otherwise have kept fresh.
 */
export function resyncLiveQueries(queryClient: QueryClient) {
  refetchAfterChange(queryClient, LIVE_QUERY_PREFIXES);
}

const pendingPrefixes = new Map<QueryClient, Map<string, QueryKey>>();

/**
 * Marks the matching queries stale and refetches the ones on screen, so that what they show is read after the
 * change we heard of. A fetch already running may have read before it: it is cancelled and started again (were it
 * left to finish, its older answer would win until the next event — on a screen's first load, until a reload). The prefixes named in one burst of events
 * (the frames of one chunk of the stream, dispatched in one task) are refetched once, at the end of the task.
 */
function refetchAfterChange(queryClient: QueryClient, prefixes: readonly QueryKey[]) {
  const pending = pendingPrefixes.get(queryClient) ?? new Map<string, QueryKey>();
  if (!pendingPrefixes.has(queryClient)) {
    pendingPrefixes.set(queryClient, pending);
    queueMicrotask(() => {
      pendingPrefixes.delete(queryClient);
      for (const queryKey of pending.values()) {
        // cancelling first also covers a first load, which invalidating alone would leave running (and winning)
        void queryClient
          .cancelQueries({ queryKey })
          .then(() => queryClient.invalidateQueries({ queryKey }))
          .catch(() => undefined);
      }
    });
  }
  for (const queryKey of prefixes) pending.set(JSON.stringify(queryKey), queryKey);
}

type Handler = (event: LiveEvent) => void;

const handlers = new Map<string, Set<Handler>>();
let status: LiveStatus = 'stopped';
const statusListeners = new Set<() => void>();

function setStatus(next: LiveStatus) {
  if (next === status) return;
  status = next;
  statusListeners.forEach((listener) => listener());
}

/** Subscribes to live events of one type (or `*` for all); returns the unsubscribe function. */
export function subscribeLiveEvent(type: string, handler: Handler): () => void {
  let set = handlers.get(type);
  if (!set) {
    set = new Set();
    handlers.set(type, set);
  }
  set.add(handler);
  return () => {
    set.delete(handler);
  };
}

/** Hands an event to the caches and to the subscribers of its type. */
export function dispatchLiveEvent(queryClient: QueryClient, event: LiveEvent) {
  refetchAfterChange(queryClient, queryPrefixesFor(event.type));
  for (const type of [event.type, '*']) {
    handlers.get(type)?.forEach((handler) => {
      try {
        handler(event);
      } catch {
        // one screen's failing handler must not stop the others
      }
    });
  }
}

/** Calls `handler` for each live event of `type` while the component is mounted. */
export function useLiveEvent(type: string, handler: Handler) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => subscribeLiveEvent(type, (event) => latest.current(event)), [type]);
}

/** The state of this tab's event stream. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    () => status,
    () => status,
  );
}

/** Keeps the stream open while someone is signed in (with a token); mount once, in the app shell. */
export function useLiveEvents() {
  const queryClient = useQueryClient();
  const { status: session, user } = useAuth();
  const userId = session === 'signed-in' ? (user?.id ?? null) : null;
  useEffect(() => {
    if (!userId) return;
    const connection = new LiveConnection({
      getToken: getAccessToken,
      refresh: freshAccessToken,
      onEvent: (event) => dispatchLiveEvent(queryClient, event),
      onStatus: setStatus,
      // what we missed is gone: everything cached may be stale
      onExpired: () => void queryClient.invalidateQueries(),
      onResync: () => resyncLiveQueries(queryClient),
    });
    connection.start();
    return () => connection.stop();
  }, [queryClient, userId]);
}
