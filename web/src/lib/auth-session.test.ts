import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aTherapist, aTokenResponse, aUser } from '../test/fixtures';
import { jsonResponse, problemResponse } from '../test/render';
import { apiFetch } from './api-client';
import {
  endSession,
  getSessionSnapshot,
  refreshSession,
  restoreSession,
  signOutForInactivity,
  startSession,
} from './auth-session';
import { forgetOfflineIdentity, loadOfflineIdentity, rememberOfflineIdentity } from './offline-identity';

const fetchMock = vi.fn<typeof fetch>();
const therapist = aTherapist({ name: 'Tess Therapist' });

beforeEach(async () => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  await forgetOfflineIdentity();
});

describe('silent sign-in when the app starts', () => {
  it('signs in and remembers the therapist for offline use', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(aTokenResponse(therapist)));

    await restoreSession();

    expect(getSessionSnapshot()).toMatchObject({ status: 'signed-in', session: { user: therapist } });
    expect(await loadOfflineIdentity()).toEqual({ id: therapist.id, name: therapist.name, role: 'therapist' });
  });

  it('signs out when the server refuses the refresh (401), and forgets the remembered therapist', async () => {
    await rememberOfflineIdentity(therapist);
    fetchMock.mockResolvedValueOnce(problemResponse(401, { detail: 'No session' }));

    await expect(restoreSession()).resolves.toBeNull();

    expect(getSessionSnapshot()).toMatchObject({ status: 'signed-out', offlineUser: null, unreachable: false });
    expect(await loadOfflineIdentity()).toBeNull();
  });

  it('starts an offline session as the remembered therapist when the server cannot be reached', async () => {
    await rememberOfflineIdentity(therapist);
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));

    await expect(restoreSession()).resolves.toBeNull();

    expect(getSessionSnapshot()).toEqual({
      status: 'offline',
      session: null,
      offlineUser: { id: therapist.id, name: 'Tess Therapist', role: 'therapist' },
      unreachable: false,
    });
  });

  it('treats a 5xx answer like an unreachable server', async () => {
    await rememberOfflineIdentity(therapist);
    fetchMock.mockResolvedValueOnce(problemResponse(503, { detail: 'Down for maintenance' }));

    await restoreSession();

    expect(getSessionSnapshot().status).toBe('offline');
  });

  it('signs out with an "offline" note when the server cannot be reached and nobody is remembered', async () => {
    await rememberOfflineIdentity(aUser({ role: 'parent' }));
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));

    await restoreSession();

    expect(getSessionSnapshot()).toMatchObject({ status: 'signed-out', offlineUser: null, unreachable: true });
  });
});

describe('an offline session', () => {
  beforeEach(async () => {
    await rememberOfflineIdentity(therapist);
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await restoreSession();
    expect(getSessionSnapshot().status).toBe('offline');
  });

  it('sends no API calls', async () => {
    await expect(apiFetch('/api/children')).rejects.toMatchObject({ status: 0 });

    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('signs in through the refresh cookie when the browser is back online', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(aTokenResponse(therapist)));

    window.dispatchEvent(new Event('online'));

    await vi.waitFor(() => expect(getSessionSnapshot().status).toBe('signed-in'), { timeout: 5000 });
    expect(fetchMock.mock.calls[1][0]).toBe('/api/auth/refresh');
    expect(new Headers(fetchMock.mock.calls[1][1]?.headers).get('X-Spark-Client')).toBe('web');
  });

  it('signs out when the server refuses the refresh once back online', async () => {
    fetchMock.mockResolvedValueOnce(problemResponse(401, { detail: 'No session' }));

    window.dispatchEvent(new Event('online'));

    await vi.waitFor(() => expect(getSessionSnapshot().status).toBe('signed-out'), { timeout: 5000 });
    expect(getSessionSnapshot().unreachable).toBe(false);
  });

  it('stays offline while the server is still unreachable', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));

    window.dispatchEvent(new Event('online'));

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2), { timeout: 5000 });
    await vi.waitFor(() => expect(getSessionSnapshot().status).toBe('offline'), { timeout: 5000 });
  });
});

describe('a session whose token expires while offline', () => {
  it('continues as an offline session instead of signing out', async () => {
    // the network is gone before the immediate refresh of an expired token fires
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    startSession(aTokenResponse(therapist, 0));
    await vi.waitFor(async () => expect(await loadOfflineIdentity()).not.toBeNull(), { timeout: 5000 });

    await vi.waitFor(() => expect(getSessionSnapshot().status).toBe('offline'), { timeout: 5000 });
    expect(getSessionSnapshot().offlineUser?.id).toBe(therapist.id);
  });
});

describe('a renewal still on its way when the session ends', () => {
  /** A refresh answer the test releases when it wants. */
  function pendingRenewal() {
    let answer: (response: Response) => void = () => undefined;
    fetchMock.mockImplementationOnce(
      () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    );
    const renewal = refreshSession();
    return { renewal, answer: (response: Response) => answer(response) };
  }

  it('does not sign back in when the user signed out meanwhile', async () => {
    startSession({ ...aTokenResponse(therapist), idleTimeout: 1800 });
    const { renewal, answer } = pendingRenewal();

    endSession();
    answer(jsonResponse(aTokenResponse(therapist)));

    await expect(renewal).resolves.toBeNull();
    expect(getSessionSnapshot()).toMatchObject({ status: 'signed-out', session: null });
  });

  it('does not sign back in after the idle sign-out, which keeps saying why', async () => {
    startSession({ ...aTokenResponse(therapist), idleTimeout: 1800 });
    const { renewal, answer } = pendingRenewal();
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));

    signOutForInactivity();
    answer(jsonResponse({ ...aTokenResponse(therapist), idleTimeout: 1800 }));

    await expect(renewal).resolves.toBeNull();
    expect(getSessionSnapshot()).toMatchObject({ status: 'signed-out', session: null, idleMinutes: 30 });
  });

  it('still signs in with a renewal that started after a new sign-in', async () => {
    startSession(aTokenResponse(therapist));
    endSession();
    startSession(aTokenResponse(therapist));
    fetchMock.mockResolvedValueOnce(jsonResponse(aTokenResponse(therapist)));

    await expect(refreshSession()).resolves.not.toBeNull();
    expect(getSessionSnapshot().status).toBe('signed-in');
  });
});
