import { MAX_EVENTS_PER_BATCH } from '../api/post-session-events';
import type { SessionEvent } from '../api/session-types';
import type { OutboxOp } from './outbox-db';

/** What the sync loop sends next: one request, made of one or more outbox entries. */
export type Batch =
  | { kind: 'put'; sessionId: string; seqs: number[]; op: Extract<OutboxOp, { kind: 'put' }> }
  | { kind: 'submit'; sessionId: string; seqs: number[]; op: Extract<OutboxOp, { kind: 'submit' }> }
  | { kind: 'events'; sessionId: string; seqs: number[]; events: SessionEvent[] };

/**
 * The next request to send, keeping each session's order: its PUT, its events, its submit.
 * A failed entry holds back everything after it in the same session (other sessions go on).
 * Consecutive event entries of one session travel together, up to the server's batch limit.
 */
export function nextBatch(ops: readonly OutboxOp[]): Batch | null {
  const ordered = [...ops].sort((a, b) => a.seq - b.seq);
  const blocked = new Set<string>();
  for (let i = 0; i < ordered.length; i += 1) {
    const op = ordered[i];
    if (blocked.has(op.sessionId)) continue;
    if (op.status === 'failed') {
      blocked.add(op.sessionId);
      continue;
    }
    if (op.kind === 'put') return { kind: 'put', sessionId: op.sessionId, seqs: [op.seq], op };
    if (op.kind === 'submit') return { kind: 'submit', sessionId: op.sessionId, seqs: [op.seq], op };

    const events = [...op.events];
    const seqs = [op.seq];
    for (const later of ordered.slice(i + 1)) {
      if (later.sessionId !== op.sessionId) continue;
      if (later.kind !== 'events' || later.status !== 'pending') break;
      if (events.length + later.events.length > MAX_EVENTS_PER_BATCH) break;
      events.push(...later.events);
      seqs.push(later.seq);
    }
    return { kind: 'events', sessionId: op.sessionId, seqs, events };
  }
  return null;
}

/** How many things wait in the outbox: each event counts, and so does a session's PUT and its submit. */
export function countWaiting(ops: readonly OutboxOp[]): number {
  return ops.reduce((sum, op) => sum + (op.kind === 'events' ? op.events.length : 1), 0);
}
