import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aTherapist, aTokenResponse } from '../../../test/fixtures';
import { jsonResponse, problemResponse } from '../../../test/render';
import { forgetValidatedAnswers } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import { startSession } from '../../../lib/auth-session';
import { getChildProgress } from './get-child-progress';

const fetchMock = vi.fn<typeof fetch>();
const PATH = '/api/children/child-1/progress?from=2026-01-01&to=2026-12-31';
const PARAMS = { from: '2026-01-01', to: '2026-12-31' };
const ANSWER = { targets: [{ targetId: 't-1', points: [{ sessionId: 's-1', trials: 10 }] }] };

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  forgetValidatedAnswers();
  startSession(aTokenResponse(aTherapist({ id: 'therapist-1' })));
});

function ifNoneMatch(call: number): string | null {
  return new Headers(fetchMock.mock.calls[call][1]?.headers).get('If-None-Match');
}

function notModified(): Response {
  return new Response(null, { status: 304, headers: { ETag: '"v1"' } });
}

describe('getChildProgress', () => {
  it('sends the last answer’s ETag and reuses that answer on 304 Not Modified', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(ANSWER, { headers: { ETag: '"v1"' } }));
    fetchMock.mockResolvedValueOnce(notModified());

    await expect(getChildProgress('child-1', PARAMS)).resolves.toEqual(ANSWER);
    await expect(getChildProgress('child-1', PARAMS)).resolves.toEqual(ANSWER);

    expect(fetchMock.mock.calls[0][0]).toBe(PATH);
    expect(ifNoneMatch(0)).toBeNull();
    expect(ifNoneMatch(1)).toBe('"v1"');
  });

  it('takes a changed answer and its new ETag', async () => {
    const changed = { targets: [] };
    fetchMock.mockResolvedValueOnce(jsonResponse(ANSWER, { headers: { ETag: '"v1"' } }));
    fetchMock.mockResolvedValueOnce(jsonResponse(changed, { headers: { ETag: '"v2"' } }));
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 304 }));

    await getChildProgress('child-1', PARAMS);
    await expect(getChildProgress('child-1', PARAMS)).resolves.toEqual(changed);
    await expect(getChildProgress('child-1', PARAMS)).resolves.toEqual(changed);

    expect(ifNoneMatch(1)).toBe('"v1"');
    expect(ifNoneMatch(2)).toBe('"v2"');
  });

  it('asks unconditionally for another period, another account and after sign-out', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(ANSWER, { headers: { ETag: '"v1"' } })));

    await getChildProgress('child-1', PARAMS);
    await getChildProgress('child-1', { ...PARAMS, from: '2026-06-01' });
    startSession(aTokenResponse(aTherapist({ id: 'therapist-2' })));
    await getChildProgress('child-1', PARAMS);
    forgetValidatedAnswers();
    await getChildProgress('child-1', PARAMS);

    expect([0, 1, 2, 3].map(ifNoneMatch)).toEqual([null, null, null, null]);
  });

  it('still fails as before when the server cannot be reached or refuses', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(ANSWER, { headers: { ETag: '"v1"' } }));
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    fetchMock.mockResolvedValueOnce(problemResponse(404, { detail: 'No such child' }));

    await getChildProgress('child-1', PARAMS);
    const unreachable = await getChildProgress('child-1', PARAMS).catch((e: unknown) => e);
    const refused = await getChildProgress('child-1', PARAMS).catch((e: unknown) => e);

    expect(unreachable).toBeInstanceOf(ApiError);
    expect(unreachable).toMatchObject({ status: 0 });
    expect(refused).toMatchObject({ status: 404 });
  });

  it('does not take a 304 it did not ask for as an answer', async () => {
    fetchMock.mockResolvedValueOnce(notModified());

    await expect(getChildProgress('child-1', PARAMS)).rejects.toBeInstanceOf(ApiError);
  });
});
