import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getSessionSnapshot, startSession } from '../../../lib/auth-session';
import { aTherapist, aTokenResponse } from '../../../test/fixtures';
import { listOpenDrafts, listOps, startDraft } from './outbox';

const MINUTE = 60_000;
const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  // IndexedDB (fake-indexeddb) runs on setImmediate, which stays real
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a sign-out for inactivity', () => {
  const therapist = aTherapist();
  const tokens = { ...aTokenResponse(therapist, 900), idleTimeout: 1800 };

  it('signs out at the limit, asks the server to keep the device data, and keeps the offline recording', async () => {
    await startDraft(
      {
        id: 'session-1',
        userId: therapist.id,
        childId: 'child-1',
        serviceCode: '97153',
        place: 'clinic',
        startedAt: '2026-12-04T08:30:00.000Z',
        note: '',
        targets: [],
        events: [],
        promptLevels: {},
        submitRequested: false,
      },
      {
        childId: 'child-1',
        serviceCode: '97153',
        place: 'clinic',
        startedAt: '2026-12-04T08:30:00.000Z',
        endedAt: null,
      },
    );
    startSession(tokens);
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));

    await vi.advanceTimersByTimeAsync(30 * MINUTE);

    expect(getSessionSnapshot()).toMatchObject({ status: 'signed-out', idleMinutes: 30 });
    const logout = fetchMock.mock.calls.find(([url]) => url === '/api/auth/logout');
    expect(JSON.parse(String(logout?.[1]?.body))).toEqual({ afterInactivity: true });
    vi.useRealTimers();
    expect(await listOpenDrafts(therapist.id)).toHaveLength(1);
    expect(await listOps(therapist.id)).toHaveLength(1);
  });
});
