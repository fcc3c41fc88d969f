import { ApiError, parseRetryAfter, toApiError } from './api-error';
import { endSession, getAccessToken, getSessionSnapshot, refreshSessionIfActive } from './auth-session';
import { retryingRequest } from './server-retry';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; a FormData is sent as multipart/form-data (uploads). */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Calls that need no access token (sign-in, registration): no bearer header, no refresh on 401. */
  anonymous?: boolean;
  /**
   * The write may be sent again without doing it twice (a client-chosen id, events with their own ids), so a 503
   * with `Retry-After` is retried like a GET. Requests with an `Idempotency-Key` header need not say so.
   */
  repeatable?: boolean;
}

/** Retries of a 503 with `Retry-After`, after the first attempt. */
export const MAX_RETRIES = 3;
/** The longest wait between attempts, whatever the server asks. */
export const MAX_RETRY_WAIT_SECONDS = 30;
/** Up to this much is added to each wait, so that the clinic's browsers do not all come back at the same instant. */
export const RETRY_JITTER_MS = 1_000;

async function send(path: string, options: RequestOptions): Promise<Response> {
  // An offline session has no token: do not even try; the session code retries the refresh on its own.
  if (!options.anonymous && getSessionSnapshot().status === 'offline') {
    throw new ApiError({ status: 0, detail: 'You are offline. This needs the network.' });
  }
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  const form = options.body instanceof FormData;
  if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';
  const token = options.anonymous ? null : getAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : form ? (options.body as FormData) : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      detail: 'The server could not be reached. Check your connection and try again.',
    });
  }
}

/**
 * Calls the SPARKTherapy API and returns the parsed JSON body (undefined for 204).
 * Sends the in-memory access token; on a 401 it refreshes the session once and retries once. A 503 with
 * `Retry-After` is asked again after the server's wait (at most MAX_RETRIES times) when the request is safe to repeat,
 * while ServerRetryStatus says so; aborting the signal ends the wait with an AbortError.
 * In an offline session (see auth-session) it sends nothing and throws a network ApiError (status 0).
 * Any non-2xx answer is thrown as an ApiError built from the problem+json body.
 */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await authorizedResponse(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** How many conditional answers (apiFetchValidated) are kept: the last few pages' reads. */
export const MAX_VALIDATED = 16;

/**
 * The last answer with an ETag per path, for apiFetchValidated, with the account it was given to; in memory only,
 * forgotten at sign-out (forgetValidatedAnswers, with the query cache).
 */
const validated = new Map<string, { account: string; etag: string; body: unknown }>();

/** Forgets the answers kept for conditional requests (at sign-out). */
export function forgetValidatedAnswers() {
  validated.clear();
}

/**
 * A GET whose answer carries a strong ETag (e.g. a child's progress, ADR 0049): the last answer for the path is kept
 * in memory with its ETag, sent back as `If-None-Match`, and reused when the server answers 304 Not Modified, so an
 * unchanged answer is neither sent nor parsed again. Otherwise as apiFetch (offline, 401, 503 and errors alike).
 */
export async function apiFetchValidated<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const account = getSessionSnapshot().session?.user.id ?? '';
  const kept = validated.get(path);
  const cached = kept?.account === account ? kept : undefined;
  const headers = cached ? { ...options.headers, 'If-None-Match': cached.etag } : options.headers;
  const response = await authorizedResponse(path, { ...options, headers }, cached !== undefined);
  if (response.status === 304 && cached) {
    validated.delete(path);
    validated.set(path, cached);
    return cached.body as T;
  }
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  const etag = response.headers.get('ETag');
  validated.delete(path);
  if (etag) {
    validated.set(path, { account, etag, body });
    if (validated.size > MAX_VALIDATED) validated.delete(validated.keys().next().value as string);
  }
  return body as T;
}

/**
 * Downloads a file the API serves only with the access token (e.g. a message attachment), as a Blob for an object
 * URL: an <img src> or a link cannot send the bearer header.
 */
export async function apiFetchBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await authorizedResponse(path, { ...options, headers: { Accept: '*/*', ...options.headers } });
  return response.blob();
}

async function authorizedResponse(path: string, options: RequestOptions, notModified = false): Promise<Response> {
  const retrying = retryingRequest();
  try {
    for (let retry = 0; ; retry++) {
      const response = await attempt(path, options);
      const wait = retry < MAX_RETRIES ? retryWaitMs(response, options) : undefined;
      if (wait === undefined) {
        if (!response.ok && !(notModified && response.status === 304)) throw await toApiError(response);
        return response;
      }
      await response.body?.cancel();
      await retrying.wait(wait, options.signal);
    }
  } finally {
    retrying.done();
  }
}

async function attempt(path: string, options: RequestOptions): Promise<Response> {
  let response = await send(path, options);
  if (response.status === 401 && !options.anonymous) {
    const renewed = await refreshSessionIfActive();
    if (renewed) {
      response = await send(path, options);
      if (response.status === 401) endSession();
    }
  }
  return response;
}

/**
 * How long to wait before asking again (ADR 0046): only a 503 that says when to come back (`Retry-After`, as the
 * server sends while its database is away, ADR 0041), and only for a request that does nothing twice — a read, a
 * write with an `Idempotency-Key`, or one marked `repeatable`. A plain POST could store twice: it is never retried.
 */
function retryWaitMs(response: Response, options: RequestOptions): number | undefined {
  if (response.status !== 503 || !isRepeatable(options)) return undefined;
  const seconds = parseRetryAfter(response.headers.get('Retry-After'));
  if (seconds === undefined) return undefined;
  return Math.min(seconds, MAX_RETRY_WAIT_SECONDS) * 1000 + Math.floor(Math.random() * RETRY_JITTER_MS);
}

function isRepeatable(options: RequestOptions): boolean {
  const method = options.method ?? 'GET';
  if (method === 'GET' || options.repeatable) return true;
  return Object.keys(options.headers ?? {}).some((name) => name.toLowerCase() === 'idempotency-key');
}

/** Builds a query string from the defined, non-empty values. */
export function toQueryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `?${query}` : '';
}
