// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveConnection, type LiveEvent, type LiveStatus } from './live-connection';

const encoder = new TextEncoder();

/** A 200 event stream that sends the chunks, then ends (or stays open). */
function stream(chunks: string[], { open = false } = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(encoder.encode(chunk)));
      if (!open) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

function problem(status: number): Response {
  return new Response(JSON.stringify({ status, title: 'x' }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

const READY = 'retry: 1\nid: 5\nevent: ready\ndata: {"cursor":5}\n\n';

let connection: LiveConnection | null = null;

afterEach(() => connection?.stop());

function connect(fetchMock: typeof fetch, overrides: Partial<ConstructorParameters<typeof LiveConnection>[0]> = {}) {
  const events: LiveEvent[] = [];
  const statuses: LiveStatus[] = [];
  const onExpired = vi.fn();
  const onResync = vi.fn();
  let token = 'token-1';
  const refresh = vi.fn(async () => {
    token = 'token-2';
    return token;
  });
  connection = new LiveConnection({
    getToken: () => token,
    refresh,
    onEvent: (event) => events.push(event),
    onStatus: (status) => statuses.push(status),
    onExpired,
    onResync,
    fetch: fetchMock,
    initialDelayMs: 1,
    maxDelayMs: 5,
    ...overrides,
  });
  connection.start();
  return { events, statuses, onExpired, onResync, refresh };
}

function header(fetchMock: ReturnType<typeof vi.fn>, call: number, name: string): string | null {
  const init = fetchMock.mock.calls[call][1] as RequestInit;
  return new Headers(init.headers).get(name);
}

describe('LiveConnection', () => {
  it('sends the access token, delivers events and reconnects with the last event id', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    fetchMock
      .mockResolvedValueOnce(stream([READY, 'id: 6\nevent: notification.read\ndata: {"unreadCount":2}\n\n']))
      .mockResolvedValueOnce(stream([READY], { open: true }));
    const { events, statuses } = connect(fetchMock);

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2), { timeout: 5000 });
    expect(header(fetchMock, 0, 'Authorization')).toBe('Bearer token-1');
    expect(header(fetchMock, 0, 'Accept')).toBe('text/event-stream');
    expect(header(fetchMock, 0, 'Last-Event-ID')).toBeNull();
    expect(events).toEqual([{ id: '6', type: 'notification.read', data: { unreadCount: 2 } }]);
    expect(header(fetchMock, 1, 'Last-Event-ID')).toBe('6');
    expect(statuses).toContain('live');
  });

  it('renews the token once on 401 and tries again', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    fetchMock.mockResolvedValueOnce(problem(401)).mockResolvedValueOnce(stream([READY], { open: true }));
    const { refresh, statuses } = connect(fetchMock);

    await vi.waitFor(() => expect(statuses).toContain('live'), { timeout: 5000 });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(header(fetchMock, 1, 'Authorization')).toBe('Bearer token-2');
  });

  it('stops when the session cannot be renewed', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(problem(401));
    const { statuses } = connect(fetchMock, { refresh: async () => null });

    await vi.waitFor(() => expect(statuses.at(-1)).toBe('stopped'), { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('on 410 reports the cache stale and reconnects without Last-Event-ID', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    fetchMock
      .mockResolvedValueOnce(stream([READY, 'id: 9\nevent: appointment.changed\ndata: {}\n\n']))
      .mockResolvedValueOnce(problem(410))
      .mockResolvedValueOnce(stream([READY], { open: true }));
    const { onExpired, onResync, statuses } = connect(fetchMock);

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(3), { timeout: 5000 });
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('live'), { timeout: 5000 });
    expect(header(fetchMock, 1, 'Last-Event-ID')).toBe('9');
    expect(onExpired).toHaveBeenCalledTimes(1);
    expect(header(fetchMock, 2, 'Last-Event-ID')).toBeNull();
    // the first stream and the one after 410 both started from "now"
    expect(onResync).toHaveBeenCalledTimes(2);
  });

  it('asks for a resync when a stream opened from now goes live, not when one resumes', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    fetchMock
      .mockResolvedValueOnce(stream([READY, 'id: 6\nevent: message.created\ndata: {}\n\n']))
      .mockResolvedValueOnce(stream([READY], { open: true }));
    const { onResync, statuses } = connect(fetchMock);

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2), { timeout: 5000 });
    await vi.waitFor(() => expect(statuses.filter((s) => s === 'live')).toHaveLength(2), { timeout: 5000 });
    expect(header(fetchMock, 1, 'Last-Event-ID')).toBe('6');
    expect(onResync).toHaveBeenCalledTimes(1);
  });

  it('backs off and tries again after a network failure', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    fetchMock
      .mockRejectedValueOnce(new TypeError('network'))
      .mockRejectedValueOnce(new TypeError('network'))
      .mockResolvedValueOnce(stream([READY], { open: true }));
    const { statuses } = connect(fetchMock);

    await vi.waitFor(() => expect(statuses.at(-1)).toBe('live'), { timeout: 5000 });
    expect(statuses).toContain('reconnecting');
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('reopens a stream that went silent past the idle timeout', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    fetchMock.mockResolvedValueOnce(stream([READY], { open: true })).mockImplementationOnce(async () => {
      // the reopened stream would go idle too and reopen again 30 ms later: stop here, so the count below is exact
      // however late a busy machine polls it
      connection?.stop();
      return stream([READY], { open: true });
    });
    connect(fetchMock, { idleTimeoutMs: 30 });

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2), { timeout: 5000 });
    expect(header(fetchMock, 1, 'Last-Event-ID')).toBe('5');
  });

  it('does nothing without a token', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    const { statuses } = connect(fetchMock, { getToken: () => null });

    await vi.waitFor(() => expect(statuses).toEqual(['stopped']), { timeout: 5000 });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
