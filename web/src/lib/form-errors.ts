import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api-error';

/**
 * Puts the server's per-field errors (pointer "/email") next to the matching form fields.
 * Returns true when at least one error found its field, so the caller can skip a generic alert.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): boolean {
  if (!(error instanceof ApiError)) return false;
  let applied = false;
  for (const { pointer, detail } of error.errors) {
    const field = fields.find((name) => `/${name}` === pointer);
    if (field) {
      setError(field, { type: 'server', message: detail }, { shouldFocus: !applied });
      applied = true;
    }
  }
  return applied;
}
