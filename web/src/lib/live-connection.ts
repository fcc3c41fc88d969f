import { SseParser } from './sse-parser';

/** One live event from `GET /api/events`: ids, kinds and counts only, never clinical text. */
export interface LiveEvent {
  id: string | null;
  type: string;
  data: unknown;
}

/**
 * `connecting`: opening the stream; `live`: the stream is open; `reconnecting`: it broke and will be opened again
 * after a pause; `stopped`: not running (signed out, or the session could not be renewed).
 */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface LiveConnectionOptions {
  /** The current access token, or null when there is none (signed out, offline). */
  getToken: () => string | null;
  /** Renews the access token after a 401; resolves to null when the session is over. */
  refresh: () => Promise<string | null>;
  onEvent: (event: LiveEvent) => void;
  onStatus: (status: LiveStatus) => void;
  /** The server no longer has the events after our Last-Event-ID (410): everything cached may be stale. */
  onExpired: () => void;
  /**
   * A stream opened without a Last-Event-ID is live: it follows from now, so what changed between loading the
   * screens and opening it (a page load, a restart after 410) was not delivered and must be fetched again.
   */
  onResync?: () => void;
  fetch?: typeof fetch;
  /** First pause after a failure; doubled each time up to `maxDelayMs`, with jitter. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** With no byte for this long (heartbeats come every 20 s), the stream is taken as dead and reopened. */
  idleTimeoutMs?: number;
  url?: string;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Keeps the signed-in user's event stream open: fetch + ReadableStream (so it can send the bearer token and read
 * problem bodies), reconnecting with backoff and `Last-Event-ID` so nothing is missed or repeated. On 401 it
 * renews the token once before trying again; on 410 it reports the cache stale and starts afresh.
 */
export class LiveConnection {
  private readonly options: Required<Omit<LiveConnectionOptions, 'fetch'>> & { fetch: typeof fetch };
  private controller: AbortController | null = null;
  private lastEventId: string | null = null;
  private failures = 0;
  private serverRetryMs: number | null = null;

  constructor(options: LiveConnectionOptions) {
    this.options = {
      initialDelayMs: 1_000,
      maxDelayMs: 30_000,
      idleTimeoutMs: 45_000,
      url: '/api/events',
      onResync: () => undefined,
      ...options,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    };
  }

  /** The id of the last event received: sent as `Last-Event-ID` on reconnection. */
  get lastId(): string | null {
    return this.lastEventId;
  }

  start() {
    if (this.controller) return;
    const controller = new AbortController();
    this.controller = controller;
    void this.run(controller.signal);
  }

  stop() {
    this.controller?.abort();
    this.controller = null;
    this.options.onStatus('stopped');
  }

  private delay(): number {
    const base = Math.max(this.options.initialDelayMs, this.serverRetryMs ?? 0);
    const exponential = Math.min(this.options.maxDelayMs, base * 2 ** Math.max(0, this.failures - 1));
    return exponential / 2 + Math.random() * (exponential / 2);
  }

  private async run(signal: AbortSignal) {
    let refreshed = false;
    while (!signal.aborted) {
      const token = this.options.getToken();
      if (!token) {
        this.stop();
        return;
      }
      this.options.onStatus(this.failures === 0 ? 'connecting' : 'reconnecting');
      const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
      const resumeFrom = this.lastEventId;
      if (resumeFrom) headers['Last-Event-ID'] = resumeFrom;
      const attempt = new AbortController();
      const abortAttempt = () => attempt.abort();
      signal.addEventListener('abort', abortAttempt, { once: true });
      let response: Response | null = null;
      try {
        response = await this.options.fetch(this.options.url, {
          headers,
          cache: 'no-store',
          credentials: 'same-origin',
          signal: attempt.signal,
        });
      } catch {
        response = null;
      }
      if (signal.aborted) return;
      if (response?.status === 401) {
        signal.removeEventListener('abort', abortAttempt);
        if (refreshed || !(await this.options.refresh())) {
          if (!signal.aborted) this.stop();
          return;
        }
        refreshed = true;
        continue;
      }
      refreshed = false;
      if (response?.status === 410 || response?.status === 400) {
        // the events we missed are gone (or our position was unusable): reload everything, follow from now on
        this.lastEventId = null;
        this.options.onExpired();
        signal.removeEventListener('abort', abortAttempt);
        continue;
      }
      if (response?.ok && response.body) {
        const clean = await this.read(response.body, attempt, resumeFrom !== null);
        if (clean) this.failures = 0;
      }
      signal.removeEventListener('abort', abortAttempt);
      if (signal.aborted) return;
      this.failures++;
      this.options.onStatus('reconnecting');
      await sleep(this.delay(), signal);
    }
  }

  /** Reads the stream until it ends; true if it was opened and delivered (a normal close, e.g. token expiry). */
  private async read(body: ReadableStream<Uint8Array>, attempt: AbortController, resuming: boolean): Promise<boolean> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    let opened = false;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        attempt.abort();
        reader.cancel().catch(() => undefined);
      }, this.options.idleTimeoutMs);
    };
    watch();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        watch();
        for (const frame of parser.push(decoder.decode(value, { stream: true }))) {
          if (frame.kind === 'retry') this.serverRetryMs = frame.millis;
          if (frame.kind !== 'event') continue;
          if (frame.id !== null) this.lastEventId = frame.id;
          if (frame.type === 'ready') {
            opened = true;
            this.failures = 0;
            this.options.onStatus('live');
            if (!resuming) this.options.onResync();
            continue;
          }
          this.options.onEvent({ id: frame.id, type: frame.type, data: parseData(frame.data) });
        }
      }
    } catch {
      // aborted (stopped, or idle too long) or the connection broke
    } finally {
      clearTimeout(idle);
      reader.cancel().catch(() => undefined);
    }
    return opened;
  }
}

function parseData(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
