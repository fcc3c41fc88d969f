import type { PutSessionRequest } from '../api/put-session';
import type { NewSessionEvent, SessionEvent } from '../api/session-types';
import { openOfflineDb, type NewOutboxOp, type OutboxOp, type SessionDraft } from './outbox-db';
import { lastUndoable } from './tallies';

/**
 * The outbox: per session, in order, the session PUT, then event batches, then the submit.
 * Changes to it and the sync loop's choice of what to send next run one at a time (`serialize`), so that
 * "undo" can safely drop an event that has not left the device yet.
 */

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every earlier serialized task has finished. */
export function serialize<T>(task: () => Promise<T>): Promise<T> {
  const result = queue.then(task, task);
  queue = result.catch(() => undefined);
  return result;
}

/** Entries the sync loop is sending right now: they may no longer be changed. */
export const inFlight = new Set<number>();

const listeners = new Set<() => void>();

/** Called after anything was queued, dropped or cleared, e.g. to start sending. */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function changed<T>(value: T): T {
  listeners.forEach((listener) => listener());
  return value;
}

function newEvent(event: NewSessionEvent): SessionEvent {
  return { ...event, id: crypto.randomUUID(), at: new Date().toISOString() } as SessionEvent;
}

/** Stores a new session and queues its PUT, which creates it on the server. */
export function startDraft(draft: SessionDraft, request: PutSessionRequest): Promise<void> {
  return serialize(async () => {
    const db = await openOfflineDb();
    const tx = db.transaction(['drafts', 'outbox'], 'readwrite');
    const op: NewOutboxOp = {
      kind: 'put',
      userId: draft.userId,
      sessionId: draft.id,
      status: 'pending',
      body: request,
    };
    await Promise.all([tx.objectStore('drafts').put(draft), tx.objectStore('outbox').add(op as OutboxOp), tx.done]);
  }).then(changed);
}

export async function getDraft(id: string): Promise<SessionDraft | undefined> {
  const db = await openOfflineDb();
  return db.get('drafts', id);
}

/** The user's sessions on this device that were not submitted yet, oldest first. */
export async function listOpenDrafts(userId: string): Promise<SessionDraft[]> {
  const db = await openOfflineDb();
  const drafts = await db.getAll('drafts');
  return drafts
    .filter((draft) => draft.userId === userId && !draft.submitRequested)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** Changes fields of a draft that are not sent by themselves (note, sticky prompt levels). */
export function updateDraft(
  id: string,
  change: Partial<Pick<SessionDraft, 'note' | 'promptLevels' | 'targets'>>,
): Promise<SessionDraft | undefined> {
  return serialize(async () => {
    const db = await openOfflineDb();
    const draft = await db.get('drafts', id);
    if (!draft) return undefined;
    const next = { ...draft, ...change };
    await db.put('drafts', next);
    return next;
  });
}

async function appendEvent(draft: SessionDraft, event: SessionEvent): Promise<SessionDraft> {
  const db = await openOfflineDb();
  const next = { ...draft, events: [...draft.events, event] };
  const op: NewOutboxOp = {
    kind: 'events',
    userId: draft.userId,
    sessionId: draft.id,
    status: 'pending',
    events: [event],
  };
  const tx = db.transaction(['drafts', 'outbox'], 'readwrite');
  await Promise.all([tx.objectStore('drafts').put(next), tx.objectStore('outbox').add(op as OutboxOp), tx.done]);
  return next;
}

/** Records one event: it goes into the draft (for the tallies) and into the outbox (for the server). */
export function recordEvent(sessionId: string, event: NewSessionEvent): Promise<SessionDraft> {
  return serialize(async () => {
    const draft = await getDraft(sessionId);
    if (!draft) throw new Error('This session is no longer on this device.');
    return appendEvent(draft, newEvent(event));
  }).then(changed);
}

export interface UndoResult {
  draft: SessionDraft;
  /** The event taken back, or undefined when there was nothing to undo. */
  undone?: SessionEvent;
}

/**
 * Takes back the session's last event that still counts. If it has not left the device yet it is simply
 * dropped from the outbox; otherwise an undo event is queued (the server's record is append-only).
 */
export function undoLastEvent(sessionId: string): Promise<UndoResult> {
  return serialize(async () => {
    const db = await openOfflineDb();
    const draft = await db.get('drafts', sessionId);
    if (!draft) throw new Error('This session is no longer on this device.');
    const last = lastUndoable(draft.events);
    if (!last) return { draft };

    const ops = await db.getAllFromIndex('outbox', 'sessionId', sessionId);
    const unsent = ops.find(
      (op) =>
        op.kind === 'events' &&
        op.status === 'pending' &&
        !inFlight.has(op.seq) &&
        op.events.some((event) => event.id === last.id),
    );
    if (unsent && unsent.kind === 'events') {
      const next = { ...draft, events: draft.events.filter((event) => event.id !== last.id) };
      const remaining = unsent.events.filter((event) => event.id !== last.id);
      const tx = db.transaction(['drafts', 'outbox'], 'readwrite');
      const outbox = tx.objectStore('outbox');
      await Promise.all([
        tx.objectStore('drafts').put(next),
        remaining.length ? outbox.put({ ...unsent, events: remaining }) : outbox.delete(unsent.seq),
        tx.done,
      ]);
      return { draft: next, undone: last };
    }
    const next = await appendEvent(draft, newEvent({ type: 'undo', undoes: last.id }));
    return { draft: next, undone: last };
  }).then(changed);
}

/** Queues the submit after everything recorded so far; the draft goes once the server has it. */
export function requestSubmit(sessionId: string, note: string): Promise<SessionDraft> {
  return serialize(async () => {
    const db = await openOfflineDb();
    const draft = await db.get('drafts', sessionId);
    if (!draft) throw new Error('This session is no longer on this device.');
    const next: SessionDraft = { ...draft, note, submitRequested: true };
    const op: NewOutboxOp = {
      kind: 'submit',
      userId: draft.userId,
      sessionId,
      status: 'pending',
      body: note.trim() ? { note: note.trim() } : {},
    };
    const tx = db.transaction(['drafts', 'outbox'], 'readwrite');
    await Promise.all([tx.objectStore('drafts').put(next), tx.objectStore('outbox').add(op as OutboxOp), tx.done]);
    return next;
  }).then(changed);
}

export async function deleteDraft(id: string): Promise<void> {
  const db = await openOfflineDb();
  await db.delete('drafts', id);
}

/** The user's outbox, oldest first. */
export async function listOps(userId: string): Promise<OutboxOp[]> {
  const db = await openOfflineDb();
  const ops = await db.getAll('outbox');
  return ops.filter((op) => op.userId === userId);
}

export async function removeOps(seqs: readonly number[]): Promise<void> {
  const db = await openOfflineDb();
  const tx = db.transaction('outbox', 'readwrite');
  await Promise.all([...seqs.map((seq) => tx.store.delete(seq)), tx.done]);
}

export async function markFailed(seqs: readonly number[], error: string): Promise<void> {
  const db = await openOfflineDb();
  const tx = db.transaction('outbox', 'readwrite');
  for (const seq of seqs) {
    const op = await tx.store.get(seq);
    if (op) await tx.store.put({ ...op, status: 'failed', error });
  }
  await tx.done;
}

/** Gives the user's failed entries another try. */
export function retryFailed(userId: string): Promise<void> {
  return serialize(async () => {
    const db = await openOfflineDb();
    const tx = db.transaction('outbox', 'readwrite');
    for (const op of await tx.store.getAll()) {
      if (op.userId === userId && op.status === 'failed')
        await tx.store.put({ ...op, status: 'pending', error: undefined });
    }
    await tx.done;
  }).then(changed);
}

/** Throws away the user's failed entries (the server refused them; they would fail again). */
export function discardFailed(userId: string): Promise<void> {
  return serialize(async () => {
    const db = await openOfflineDb();
    const tx = db.transaction('outbox', 'readwrite');
    for (const op of await tx.store.getAll()) {
      if (op.userId === userId && op.status === 'failed') await tx.store.delete(op.seq);
    }
    await tx.done;
  }).then(changed);
}

/** Deletes every queued entry and draft on this device: part of signing out. */
export function clearOfflineSessions(): Promise<void> {
  return serialize(async () => {
    const db = await openOfflineDb();
    const tx = db.transaction(['drafts', 'outbox'], 'readwrite');
    await Promise.all([tx.objectStore('drafts').clear(), tx.objectStore('outbox').clear(), tx.done]);
  }).then(changed);
}
