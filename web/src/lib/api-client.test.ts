import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aTokenResponse, anAdmin } from '../test/fixtures';
import { jsonResponse, problemResponse } from '../test/render';
import { apiFetch, toQueryString } from './api-client';
import { ApiError } from './api-error';
import { getAccessToken, getSessionSnapshot, startSession } from './auth-session';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function requestHeaders(call: number): Headers {
  return new Headers(fetchMock.mock.calls[call][1]?.headers);
}

describe('apiFetch', () => {
  it('sends the access token and returns the JSON body', async () => {
    startSession({ ...aTokenResponse(), accessToken: 'abc' });
    fetchMock.mockResolvedValueOnce(jsonResponse({ status: 'UP' }));

    await expect(apiFetch('/api/health')).resolves.toEqual({ status: 'UP' });
    expect(requestHeaders(0).get('Authorization')).toBe('Bearer abc');
  });

  it('throws the problem details of an error response as an ApiError', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(409, { title: 'Email taken', detail: 'A user with this email already exists' }),
    );

    const error = await apiFetch('/api/users', { method: 'POST', body: {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, detail: 'A user with this email already exists' });
  });

  it('returns undefined for 204 No Content', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));

    await expect(apiFetch('/api/users/1', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('refreshes the session once on a 401 and retries the request with the new token', async () => {
    startSession({ ...aTokenResponse(), accessToken: 'old' });
    fetchMock
      .mockResolvedValueOnce(problemResponse(401, { detail: 'Expired' }))
      .mockResolvedValueOnce(jsonResponse({ ...aTokenResponse(), accessToken: 'new' }))
      .mockResolvedValueOnce(jsonResponse({ ok: true }));

    await expect(apiFetch('/api/auth/profile')).resolves.toEqual({ ok: true });

    expect(fetchMock.mock.calls[1][0]).toBe('/api/auth/refresh');
    expect(requestHeaders(1).get('X-Spark-Client')).toBe('web');
    expect(fetchMock.mock.calls[1][1]?.credentials).toBe('same-origin');
    expect(requestHeaders(2).get('Authorization')).toBe('Bearer new');
  });

  it('ends the session when the refresh is refused', async () => {
    startSession(aTokenResponse());
    fetchMock
      .mockResolvedValueOnce(problemResponse(401, { detail: 'Expired' }))
      .mockResolvedValueOnce(problemResponse(401, { detail: 'No session' }));

    await expect(apiFetch('/api/auth/profile')).rejects.toMatchObject({ status: 401 });
    expect(getSessionSnapshot().status).toBe('signed-out');
    expect(getAccessToken()).toBeNull();
  });

  it('coalesces concurrent refreshes into one request', async () => {
    startSession(aTokenResponse());
    let refreshCalls = 0;
    fetchMock.mockImplementation(async (input, init) => {
      if (input === '/api/auth/refresh') {
        refreshCalls += 1;
        return jsonResponse({ ...aTokenResponse(anAdmin()), accessToken: 'fresh' });
      }
      const auth = new Headers(init?.headers).get('Authorization');
      return auth === 'Bearer fresh' ? jsonResponse({ ok: true }) : problemResponse(401, { detail: 'Expired' });
    });

    await Promise.all([apiFetch('/api/a'), apiFetch('/api/b'), apiFetch('/api/c')]);

    expect(refreshCalls).toBe(1);
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));

    await expect(apiFetch('/api/health', { anonymous: true })).rejects.toMatchObject({ status: 0 });
  });
});

describe('toQueryString', () => {
  it('leaves out empty values', () => {
    expect(toQueryString({ q: '', role: 'admin', active: false, page: 0, x: undefined })).toBe(
      '?role=admin&active=false&page=0',
    );
  });
});
