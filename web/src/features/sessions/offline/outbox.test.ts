import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSession } from '../../../lib/auth-session';
import { aTherapist, aTokenResponse } from '../../../test/fixtures';
import { jsonResponse, problemResponse } from '../../../test/render';
import type { SessionDraft } from './outbox-db';
import {
  clearOfflineSessions,
  getDraft,
  inFlight,
  listOpenDrafts,
  listOps,
  recordEvent,
  requestSubmit,
  retryFailed,
  startDraft,
  undoLastEvent,
} from './outbox';
import { getSyncSnapshot, startSync } from './sync';

const USER = 'user-1';
const SESSION = '11111111-1111-4111-8111-111111111111';
const fetchMock = vi.fn<typeof fetch>();

function aDraft(overrides: Partial<SessionDraft> = {}): SessionDraft {
  return {
    id: SESSION,
    userId: USER,
    childId: 'child-1',
    serviceCode: '97153',
    place: 'clinic',
    startedAt: '2026-03-02T10:00:00.000Z',
    note: '',
    targets: [],
    events: [],
    promptLevels: {},
    submitRequested: false,
    ...overrides,
  };
}

async function start() {
  await startDraft(aDraft(), {
    childId: 'child-1',
    serviceCode: '97153',
    place: 'clinic',
    startedAt: '2026-03-02T10:00:00.000Z',
    endedAt: null,
  });
}

const correct = { type: 'trial', targetId: 'dog', outcome: 'correct', promptLevel: 'independent' } as const;

/** Resolves once every entry was sent or refused. */
async function settled() {
  await vi.waitFor(
    async () => {
      const ops = await listOps(USER);
      if (ops.some((op) => op.status === 'failed')) return;
      expect(ops).toEqual([]);
    },
    { timeout: 5000 },
  );
}

beforeEach(async () => {
  await clearOfflineSessions();
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => inFlight.clear());

describe('outbox', () => {
  it('queues the session, then each event, in the order they happened', async () => {
    await start();
    await recordEvent(SESSION, correct);
    await recordEvent(SESSION, { type: 'frequency', targetId: 'hit', count: 1 });

    const ops = await listOps(USER);
    expect(ops.map((op) => op.kind)).toEqual(['put', 'events', 'events']);
    expect((await getDraft(SESSION))?.events.map((event) => event.type)).toEqual(['trial', 'frequency']);
    expect(await listOps('someone-else')).toEqual([]);
  });

  it('drops an unsent event on undo instead of sending an undo', async () => {
    await start();
    await recordEvent(SESSION, correct);
    await recordEvent(SESSION, { ...correct, outcome: 'incorrect' });

    const { undone, draft } = await undoLastEvent(SESSION);

    expect(undone).toMatchObject({ outcome: 'incorrect' });
    expect(draft.events).toHaveLength(1);
    expect((await listOps(USER)).map((op) => op.kind)).toEqual(['put', 'events']);
  });

  it('queues an undo event when the event is already on its way', async () => {
    await start();
    const { events } = await recordEvent(SESSION, correct);
    const [, sending] = await listOps(USER);
    inFlight.add(sending.seq);

    await undoLastEvent(SESSION);

    const last = (await listOps(USER)).at(-1);
    expect(last).toMatchObject({ kind: 'events', events: [{ type: 'undo', undoes: events[0].id }] });
  });

  it('forgets submitted drafts in the resume list and clears everything on sign-out', async () => {
    await start();
    expect(await listOpenDrafts(USER)).toHaveLength(1);
    await requestSubmit(SESSION, 'Good session');
    expect(await listOpenDrafts(USER)).toEqual([]);

    await clearOfflineSessions();

    expect(await listOps(USER)).toEqual([]);
    expect(await getDraft(SESSION)).toBeUndefined();
  });
});

describe('sync', () => {
  it('sends the PUT, the events in one batch and the submit, in order, then empties the outbox', async () => {
    startSession(aTokenResponse(aTherapist({ id: USER })));
    fetchMock.mockImplementation(async () => jsonResponse({ accepted: [], duplicates: [] }));
    await start();
    await recordEvent(SESSION, correct);
    await recordEvent(SESSION, correct);
    await requestSubmit(SESSION, '');

    const stop = startSync(USER);
    await settled();
    stop();

    const calls = fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${String(url)}`);
    expect(calls).toEqual([
      `PUT /api/sessions/${SESSION}`,
      `POST /api/sessions/${SESSION}/events`,
      `POST /api/sessions/${SESSION}/submit`,
    ]);
    const sent = JSON.parse(String(fetchMock.mock.calls[1][1]?.body)) as { events: unknown[] };
    expect(sent.events).toHaveLength(2);
    expect(await listOps(USER)).toEqual([]);
    expect(await getDraft(SESSION)).toBeUndefined();
  });

  it('keeps a refused batch flagged with the server’s message and sends it again only when asked', async () => {
    startSession(aTokenResponse(aTherapist({ id: USER })));
    fetchMock.mockImplementation(async (url) =>
      String(url).endsWith('/events')
        ? problemResponse(400, {
            detail: 'Some events are invalid',
            errors: [{ pointer: '/events/0/targetId', detail: 'is not a target of this child' }],
          })
        : jsonResponse({}),
    );
    await start();
    await recordEvent(SESSION, correct);
    await requestSubmit(SESSION, '');

    const stop = startSync(USER);
    await settled();
    await vi.waitFor(() => expect(getSyncSnapshot().error).not.toBeNull(), { timeout: 5000 });

    expect(getSyncSnapshot().error).toBe('Some events are invalid (/events/0/targetId: is not a target of this child)');
    expect((await listOps(USER)).map((op) => [op.kind, op.status])).toEqual([
      ['events', 'failed'],
      ['submit', 'pending'],
    ]);
    const callsBefore = fetchMock.mock.calls.length;

    fetchMock.mockImplementation(async () => jsonResponse({ accepted: [], duplicates: [] }));
    await retryFailed(USER);
    await vi.waitFor(async () => expect(await listOps(USER)).toEqual([]), { timeout: 5000 });
    stop();
    expect(fetchMock.mock.calls.length).toBe(callsBefore + 2);
  });

  it('retries after a network failure; the server reports the re-sent events as duplicates', async () => {
    startSession(aTokenResponse(aTherapist({ id: USER })));
    let eventCalls = 0;
    fetchMock.mockImplementation(async (url, init) => {
      if (!String(url).endsWith('/events')) return jsonResponse({});
      eventCalls += 1;
      if (eventCalls === 1) throw new TypeError('Failed to fetch');
      const { events } = JSON.parse(String(init?.body)) as { events: { id: string }[] };
      return jsonResponse({ accepted: [], duplicates: events.map((event) => event.id) });
    });
    await start();
    await recordEvent(SESSION, correct);

    const stop = startSync(USER);
    await vi.waitFor(async () => expect(await listOps(USER)).toEqual([]), { timeout: 4000 });
    stop();

    expect(eventCalls).toBe(2);
  });
});
