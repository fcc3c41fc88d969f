import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aTherapist, aTokenResponse } from '../test/fixtures';
import { jsonResponse } from '../test/render';
import { apiFetch } from './api-client';
import { getSessionSnapshot, startSession } from './auth-session';
import {
  ACTIVITY_KEY,
  getIdleSnapshot,
  noteActivity,
  resetIdleForTests,
  startIdleWatch,
  staySignedIn,
  stopIdleWatch,
} from './idle';

const MINUTE = 60_000;
const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  // IndexedDB (fake-indexeddb) runs on setImmediate, which stays real
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-12-04T09:00:00Z'));
  window.localStorage.clear();
  resetIdleForTests();
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  resetIdleForTests();
  vi.useRealTimers();
});

function press() {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
}

describe('the idle watch', () => {
  it('warns two minutes before the limit and signs out at the limit', () => {
    const onTimeout = vi.fn();
    startIdleWatch({ limitMs: 30 * MINUTE, onTimeout });

    vi.advanceTimersByTime(28 * MINUTE - 1000);
    expect(getIdleSnapshot().signOutAt).toBeNull();
    vi.advanceTimersByTime(1000);
    expect(getIdleSnapshot().signOutAt).toBe(Date.now() + 2 * MINUTE);
    expect(onTimeout).not.toHaveBeenCalled();

    vi.advanceTimersByTime(2 * MINUTE);
    expect(onTimeout).toHaveBeenCalledTimes(1);
    expect(getIdleSnapshot().signOutAt).toBeNull();
  });

  it('counts input as activity: the limit runs from the last key or pointer', () => {
    const onTimeout = vi.fn();
    const onActivity = vi.fn();
    startIdleWatch({ limitMs: 30 * MINUTE, onTimeout, onActivity });

    vi.advanceTimersByTime(20 * MINUTE);
    press();
    expect(onActivity).toHaveBeenCalled();
    vi.advanceTimersByTime(27 * MINUTE);
    expect(getIdleSnapshot().signOutAt).toBeNull();
    vi.advanceTimersByTime(2 * MINUTE);
    expect(getIdleSnapshot().signOutAt).not.toBeNull();
    vi.advanceTimersByTime(2 * MINUTE);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('counts activity in another tab of the origin (the shared stamp)', () => {
    const onTimeout = vi.fn();
    startIdleWatch({ limitMs: 30 * MINUTE, onTimeout });
    vi.advanceTimersByTime(29 * MINUTE);
    expect(getIdleSnapshot().signOutAt).not.toBeNull();

    // another tab saw a key press
    window.localStorage.setItem(ACTIVITY_KEY, String(Date.now()));
    window.dispatchEvent(new StorageEvent('storage', { key: ACTIVITY_KEY }));

    expect(getIdleSnapshot().signOutAt).toBeNull();
    vi.advanceTimersByTime(29 * MINUTE);
    expect(onTimeout).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MINUTE);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('writes its own activity for the other tabs', () => {
    startIdleWatch({ limitMs: 30 * MINUTE, onTimeout: vi.fn() });
    vi.advanceTimersByTime(10 * MINUTE);
    press();
    expect(Number(window.localStorage.getItem(ACTIVITY_KEY))).toBe(Date.now());
  });

  it('keeps the warning when the pointer merely moves; "Stay signed in" ends it', () => {
    const onTimeout = vi.fn();
    startIdleWatch({ limitMs: 30 * MINUTE, onTimeout });
    vi.advanceTimersByTime(29 * MINUTE);

    window.dispatchEvent(new Event('pointermove'));
    vi.advanceTimersByTime(1000);
    expect(getIdleSnapshot().signOutAt).not.toBeNull();

    staySignedIn();
    expect(getIdleSnapshot().signOutAt).toBeNull();
    vi.advanceTimersByTime(29 * MINUTE);
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it('warns at half a short limit', () => {
    startIdleWatch({ limitMs: 60_000, onTimeout: vi.fn() });
    vi.advanceTimersByTime(30_000);
    expect(getIdleSnapshot().signOutAt).toBe(Date.now() + 30_000);
  });

  it('stops watching', () => {
    const onTimeout = vi.fn();
    startIdleWatch({ limitMs: 30 * MINUTE, onTimeout });
    stopIdleWatch();
    noteActivity();
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onTimeout).not.toHaveBeenCalled();
  });
});

describe('the session and the idle timeout', () => {
  const therapist = aTherapist();
  const tokens = { ...aTokenResponse(therapist, 900), idleTimeout: 1800 };

  it('renews the access token on its timer only after activity, and at the next activity otherwise', async () => {
    startSession(tokens);

    await vi.advanceTimersByTimeAsync(14 * MINUTE);
    expect(fetchMock).not.toHaveBeenCalled();

    fetchMock.mockResolvedValueOnce(jsonResponse(tokens));
    press();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/auth/refresh', expect.anything()));
  });

  it('renews on its timer when the person was active', async () => {
    startSession(tokens);
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    press();
    fetchMock.mockResolvedValueOnce(jsonResponse(tokens));

    await vi.advanceTimersByTimeAsync(9 * MINUTE);

    expect(fetchMock).toHaveBeenCalledWith('/api/auth/refresh', expect.anything());
  });

  it('does not renew for an API call (a background poll) when nobody used the page', async () => {
    startSession(tokens);
    await vi.advanceTimersByTimeAsync(16 * MINUTE);
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 401 }));

    await expect(apiFetch('/api/notifications/unread-count')).rejects.toMatchObject({ status: 401 });

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(getSessionSnapshot().status).toBe('signed-in');
  });
});
