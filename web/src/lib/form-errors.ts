import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError, errorMessage } from './api-error';

/**
 * The fields a form displays, for placing the server's per-field errors (RFC 9457 `errors[{pointer, detail}]`):
 * either the form's field names, matched to the pointer written with dots ("/email" → `email`,
 * "/emergencyContacts/0/phone" → `emergencyContacts.0.phone`), or a function from that dotted path to the form field
 * that shows it (when the form names or groups fields differently from the request), undefined when none does.
 */
export type ServerFields<F extends string> = readonly F[] | ((path: string) => F | undefined);

/** What a failed request says, split between the form's fields and the alert above them. */
export interface ServerFormErrors<F extends string> {
  /** The server's message for each displayed field it points at (joined by "; " when it points at one twice). */
  fields: Partial<Record<F, string>>;
  /**
   * The lines the form's alert shows: the problem's `detail` when it points at no field; nothing when every message
   * sits at its field; else the messages no displayed field shows, after the detail — except for a 400, whose detail
   * only summarises its `errors` ("The request has invalid fields.") and is left out.
   */
  alert: string[];
}

/** "/emergencyContacts/0/phone" → "emergencyContacts.0.phone" (RFC 6901 escapes undone). */
export function pointerPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** A field's name in words for a message no field shows: "/prescribedWeeklyHours/2/hours" → "Hours (3)". */
function fieldLabel(pointer: string): string {
  const segments = pointerPath(pointer).split('.').filter(Boolean);
  const name = [...segments].reverse().find((segment) => !/^\d+$/.test(segment));
  if (!name) return '';
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const indexes = segments.filter((segment) => /^\d+$/.test(segment)).map((index) => Number(index) + 1);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}${indexes.length ? ` (${indexes.join(', ')})` : ''}`;
}

function sentence(pointer: string, detail: string): string {
  const label = fieldLabel(pointer);
  return label ? `${label}: ${detail}` : detail;
}

/**
 * Splits a failed request's problem between the form's displayed fields and its alert, so that nothing the server
 * says is lost: a message for a field the form shows goes to that field; everything else goes to the alert.
 */
export function serverFormErrors<F extends string>(error: unknown, fields: ServerFields<F>): ServerFormErrors<F> {
  if (!error) return { fields: {}, alert: [] };
  if (!(error instanceof ApiError)) return { fields: {}, alert: [errorMessage(error)] };
  const fieldOf =
    typeof fields === 'function'
      ? fields
      : (path: string) => (fields as readonly string[]).find((field) => field === path) as F | undefined;
  const placed: Partial<Record<F, string>> = {};
  const unplaced: string[] = [];
  for (const { pointer, detail } of error.errors) {
    const field = pointer ? fieldOf(pointerPath(pointer)) : undefined;
    if (field) {
      const before = placed[field];
      placed[field] = before ? `${before}; ${detail}` : detail;
    } else {
      unplaced.push(sentence(pointer, detail));
    }
  }
  if (error.errors.length === 0) return { fields: placed, alert: [error.detail] };
  if (unplaced.length === 0) return { fields: placed, alert: [] };
  return { fields: placed, alert: error.status === 400 ? unplaced : [error.detail, ...unplaced] };
}

/**
 * Puts the server's per-field errors next to the matching react-hook-form fields (focusing the first). Returns true
 * when at least one error found its field.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  fields: ServerFields<Path<T>>,
  setError: UseFormSetError<T>,
): boolean {
  const placed = Object.entries(serverFormErrors(error, fields).fields) as [Path<T>, string][];
  placed.forEach(([field, message], index) => {
    setError(field, { type: 'server', message }, { shouldFocus: index === 0 });
  });
  return placed.length > 0;
}
