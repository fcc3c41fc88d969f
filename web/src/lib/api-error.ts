/** One invalid field of a request, as the server reports it (RFC 9457 extension `errors`). */
export interface FieldError {
  /** JSON pointer into the request body, e.g. "/email". */
  pointer: string;
  detail: string;
}

interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  traceId?: string;
  errors?: FieldError[];
}

/**
 * A failed API call, carrying the server's problem details (RFC 9457).
 * `detail` is written for people and is what the UI shows.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly instance?: string;
  readonly traceId?: string;
  readonly errors: FieldError[];
  /** The problem's other members (RFC 9457 extensions), e.g. the scheduling conflicts' `conflicts`. */
  readonly extensions: Readonly<Record<string, unknown>>;
  /** Seconds from the `Retry-After` header, when the server sent one (429, 503). */
  readonly retryAfterSeconds?: number;

  constructor(init: {
    status: number;
    type?: string;
    title?: string;
    detail?: string;
    instance?: string;
    traceId?: string;
    errors?: FieldError[];
    extensions?: Record<string, unknown>;
    retryAfterSeconds?: number;
  }) {
    const title = init.title ?? defaultTitle(init.status);
    super(init.detail ?? title);
    this.name = 'ApiError';
    this.status = init.status;
    this.type = init.type ?? 'about:blank';
    this.title = title;
    this.detail = init.detail ?? title;
    this.instance = init.instance;
    this.traceId = init.traceId;
    this.errors = init.errors ?? [];
    this.extensions = init.extensions ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The message for one request field, `field` being the pointer without its slash ("email"). */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.pointer === `/${field}`)?.detail;
  }
}

function defaultTitle(status: number): string {
  if (status === 0) return 'Network error';
  if (status >= 500) return 'Something went wrong on the server';
  return `Request failed (${status})`;
}

/** Seconds from a `Retry-After` header (delay-seconds or an HTTP date), or undefined when it is absent or unreadable. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'traceId', 'errors']);

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).pointer === 'string' &&
    typeof (value as FieldError).detail === 'string'
  );
}

/** Turns a non-2xx response into an ApiError, reading its problem+json body when there is one. */
export async function toApiError(response: Response): Promise<ApiError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  let body: ProblemBody = {};
  const contentType = response.headers.get('Content-Type') ?? '';
  if (contentType.includes('json')) {
    try {
      const parsed: unknown = await response.json();
      if (typeof parsed === 'object' && parsed !== null) body = parsed as ProblemBody;
    } catch {
      // A malformed body still yields an error with the HTTP status.
    }
  }
  return new ApiError({
    status: response.status,
    type: typeof body.type === 'string' ? body.type : undefined,
    title: typeof body.title === 'string' ? body.title : undefined,
    detail: typeof body.detail === 'string' && body.detail ? body.detail : undefined,
    instance: typeof body.instance === 'string' ? body.instance : undefined,
    traceId: typeof body.traceId === 'string' ? body.traceId : undefined,
    errors: Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [],
    extensions: Object.fromEntries(Object.entries(body).filter(([key]) => !STANDARD_MEMBERS.has(key))),
    retryAfterSeconds,
  });
}

/** The text to show a person for any error thrown by a fetcher. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  return 'The server could not be reached. Check your connection and try again.';
}
