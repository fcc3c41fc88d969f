import type { Schema } from '../../../lib/api-types';
import { ApiError } from '../../../lib/api-error';

/**
 * Where a booking, move or accepted week goes beyond a child's insurance authorization (ADR 0031): `over` (more units
 * used and planned than authorized; `shortfallUnits` how many), `outside_dates` or `no_authorization`. `message` says
 * it in one sentence.
 */
export type PayerWarning = Schema<'PayerWarning'>;

/** The server's refusal where the clinic blocks bookings beyond authorizations (409 `authorization-exceeded`). */
export function isPayerRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && error.type.endsWith('/authorization-exceeded');
}

/** The warnings a refusal lists (its `warnings` member), in the server's order. */
export function refusalWarnings(error: ApiError): PayerWarning[] {
  const warnings = error.extensions.warnings;
  if (!Array.isArray(warnings)) return [];
  return warnings.filter(
    (warning: unknown): warning is PayerWarning =>
      typeof warning === 'object' && warning !== null && typeof (warning as { message?: unknown }).message === 'string',
  );
}
