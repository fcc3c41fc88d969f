import { act, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ServerRetryStatus } from '../components/ui/server-retry-status';
import { jsonResponse, problemResponse } from '../test/render';
import { apiFetch, MAX_RETRIES, MAX_RETRY_WAIT_SECONDS } from './api-client';
import { ApiError } from './api-error';
import { getServerRetrySnapshot } from './server-retry';

const fetchMock = vi.fn<typeof fetch>();

function databaseUnavailable(retryAfter: string | null = '5'): Response {
  return problemResponse(
    503,
    {
      type: 'https://sparktherapy.org/problems/database-unavailable',
      title: 'Database unavailable',
      detail: 'The database is not answering right now. Please try again in a moment.',
    },
    retryAfter === null ? {} : { 'Retry-After': retryAfter },
  );
}

beforeEach(() => {
  vi.useFakeTimers();
  // no jitter: the tests know to the millisecond when the next attempt starts
  vi.spyOn(Math, 'random').mockReturnValue(0);
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.useRealTimers();
});

async function settle<T>(promise: Promise<T>): Promise<T | unknown> {
  return promise.catch((error: unknown) => error);
}

describe('apiFetch during a brief server outage (503 with Retry-After)', () => {
  it('waits the seconds the server asked and asks again, once the server is back', async () => {
    fetchMock.mockResolvedValueOnce(databaseUnavailable('5')).mockResolvedValueOnce(jsonResponse({ ok: true }));

    const result = apiFetch('/api/children');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(getServerRetrySnapshot().nextAttemptAt).not.toBeNull();

    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual({ ok: true });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(getServerRetrySnapshot().nextAttemptAt).toBeNull();
  });

  it(`gives up after ${MAX_RETRIES} retries with the problem's message`, async () => {
    fetchMock.mockImplementation(async () => databaseUnavailable('2'));

    const result = settle(apiFetch('/api/children'));
    await vi.advanceTimersByTimeAsync(60_000);

    const error = await result;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 503,
      detail: 'The database is not answering right now. Please try again in a moment.',
    });
    expect(fetchMock).toHaveBeenCalledTimes(1 + MAX_RETRIES);
    expect(getServerRetrySnapshot().nextAttemptAt).toBeNull();
  });

  it('never sends a plain POST twice: it could store twice', async () => {
    fetchMock.mockImplementation(async () => databaseUnavailable('1'));

    const error = await settle(apiFetch('/api/messages', { method: 'POST', body: { text: 'hi' } }));

    expect(error).toMatchObject({ status: 503 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('repeats a write that carries an Idempotency-Key, and one marked repeatable', async () => {
    fetchMock
      .mockResolvedValueOnce(databaseUnavailable('1'))
      .mockResolvedValueOnce(jsonResponse({ id: 'p1' }, { status: 201 }))
      .mockResolvedValueOnce(databaseUnavailable('1'))
      .mockResolvedValueOnce(jsonResponse({ id: 's1' }));

    const payment = apiFetch('/api/children/c1/payments', {
      method: 'POST',
      body: {},
      headers: { 'Idempotency-Key': 'key-1' },
    });
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(payment).resolves.toEqual({ id: 'p1' });
    expect(new Headers(fetchMock.mock.calls[1][1]?.headers).get('Idempotency-Key')).toBe('key-1');

    const session = apiFetch('/api/sessions/s1', { method: 'PUT', body: {}, repeatable: true });
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(session).resolves.toEqual({ id: 's1' });
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });

  it('does not retry a 503 that does not say when to come back', async () => {
    fetchMock.mockImplementation(async () => databaseUnavailable(null));

    const error = await settle(apiFetch('/api/children'));

    expect(error).toMatchObject({ status: 503 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it(`waits at most ${MAX_RETRY_WAIT_SECONDS} s, whatever the server asks`, async () => {
    fetchMock.mockResolvedValueOnce(databaseUnavailable('600')).mockResolvedValueOnce(jsonResponse({ ok: true }));

    const result = apiFetch('/api/children');
    await vi.advanceTimersByTimeAsync(MAX_RETRY_WAIT_SECONDS * 1000);

    await expect(result).resolves.toEqual({ ok: true });
  });

  it('stops waiting when its signal aborts (the component went away)', async () => {
    fetchMock.mockImplementation(async () => databaseUnavailable('5'));
    const controller = new AbortController();

    const result = settle(apiFetch('/api/children', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();

    const error = await result;
    // the AbortSignal's own reason, as fetch rejects with (jsdom's DOMException, hence no instanceof)
    expect(error).toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(getServerRetrySnapshot().nextAttemptAt).toBeNull();
  });

  it('says so in one status line while it waits, and clears it when the answer comes', async () => {
    fetchMock.mockResolvedValueOnce(databaseUnavailable('5')).mockResolvedValueOnce(jsonResponse({ ok: true }));
    const { container } = render(createElement(ServerRetryStatus));
    const status = container.querySelector<HTMLElement>('[aria-live="polite"]')!;
    expect(status).toBeEmptyDOMElement();
    expect(screen.queryByRole('status')).toBeNull();

    const result = apiFetch('/api/children');
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(status).toHaveTextContent("The clinic's server is briefly unavailable; trying again in 5 s.");
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(status).toHaveTextContent('trying again in 3 s.');

    await act(() => vi.advanceTimersByTimeAsync(3_000));
    await expect(result).resolves.toEqual({ ok: true });
    expect(status).toBeEmptyDOMElement();
  });
});
