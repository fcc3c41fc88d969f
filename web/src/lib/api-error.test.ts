import { describe, expect, it } from 'vitest';
import { problemResponse } from '../test/render';
import { ApiError, toApiError } from './api-error';

describe('toApiError', () => {
  it('reads status, title, detail, trace id and field errors from a problem+json body', async () => {
    const error = await toApiError(
      problemResponse(400, {
        type: 'https://sparktherapy.org/problems/validation',
        title: 'Invalid request',
        detail: 'Some fields are invalid',
        errors: [{ pointer: '/newPassword', detail: 'This password is too common' }],
      }),
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.type).toBe('https://sparktherapy.org/problems/validation');
    expect(error.title).toBe('Invalid request');
    expect(error.detail).toBe('Some fields are invalid');
    expect(error.traceId).toBe('trace-1');
    expect(error.errors).toEqual([{ pointer: '/newPassword', detail: 'This password is too common' }]);
    expect(error.fieldError('newPassword')).toBe('This password is too common');
    expect(error.message).toBe('Some fields are invalid');
  });

  it('keeps the problem’s extension members apart from the standard ones', async () => {
    const error = await toApiError(
      problemResponse(409, { title: 'Appointment conflicts', conflicts: [{ kind: 'time-off' }] }),
    );

    expect(error.extensions).toEqual({ conflicts: [{ kind: 'time-off' }] });
  });

  it('reads Retry-After as seconds', async () => {
    const error = await toApiError(problemResponse(429, { title: 'Too many requests' }, { 'Retry-After': '120' }));

    expect(error.retryAfterSeconds).toBe(120);
  });

  it('falls back to a generic message when the body is not JSON', async () => {
    const error = await toApiError(
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );

    expect(error.status).toBe(502);
    expect(error.detail).toBe('Something went wrong on the server');
    expect(error.errors).toEqual([]);
  });

  it('ignores malformed field errors', async () => {
    const error = await toApiError(problemResponse(400, { detail: 'Invalid', errors: [{ pointer: 1 }, 'oops'] }));

    expect(error.errors).toEqual([]);
  });
});
