import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../api/session-types';
import type { OutboxOp } from './outbox-db';
import { countWaiting, nextBatch } from './sync-batch';

const at = '2026-03-02T10:00:00Z';
const body = { childId: 'c1', serviceCode: '97153', place: 'clinic', startedAt: at } as const;

function event(id: string): SessionEvent {
  return { id, at, type: 'frequency', targetId: 't1', count: 1 };
}

function put(seq: number, sessionId = 's1'): OutboxOp {
  return { seq, userId: 'u1', sessionId, status: 'pending', kind: 'put', body };
}

function events(seq: number, ids: string[], sessionId = 's1', status: OutboxOp['status'] = 'pending'): OutboxOp {
  return { seq, userId: 'u1', sessionId, status, kind: 'events', events: ids.map(event) };
}

function submit(seq: number, sessionId = 's1'): OutboxOp {
  return { seq, userId: 'u1', sessionId, status: 'pending', kind: 'submit', body: {} };
}

describe('nextBatch', () => {
  it('sends the session first, then its events together, then the submit', () => {
    let ops = [submit(5), events(3, ['b']), put(1), events(2, ['a']), events(4, ['c'])];
    const order: string[] = [];
    for (let batch = nextBatch(ops); batch; batch = nextBatch(ops)) {
      order.push(batch.kind === 'events' ? `events:${batch.events.map((e) => e.id).join(',')}` : batch.kind);
      ops = ops.filter((op) => !batch!.seqs.includes(op.seq));
    }

    expect(order).toEqual(['put', 'events:a,b,c', 'submit']);
  });

  it('never joins events across the submit or with another session', () => {
    const ops = [events(1, ['a']), events(2, ['x'], 's2'), events(3, ['b']), submit(4), events(5, ['late'])];

    const batch = nextBatch(ops);

    expect(batch).toMatchObject({ kind: 'events', sessionId: 's1', seqs: [1, 3] });
  });

  it('keeps batches within the server limit of 500 events', () => {
    const many = Array.from({ length: 300 }, (_, i) => `e${i}`);
    const ops = [events(1, many), events(2, many)];

    expect(nextBatch(ops)?.seqs).toEqual([1]);
  });

  it('holds back the rest of a session after a failed entry, but not other sessions', () => {
    const ops = [events(1, ['bad'], 's1', 'failed'), submit(2), put(3, 's2')];

    expect(nextBatch(ops)).toMatchObject({ kind: 'put', sessionId: 's2' });
    expect(nextBatch(ops.slice(0, 2))).toBeNull();
  });
});

describe('countWaiting', () => {
  it('counts every event, and each session start and submit', () => {
    expect(countWaiting([put(1), events(2, ['a', 'b']), submit(3)])).toBe(4);
  });
});
