import { Alert } from '../../../components/ui/alert';
import { ApiError } from '../../../lib/api-error';

/** True for the server's "appointment-conflict" refusal (409), which lists the clashing occurrences. */
export function isConflictError(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    (error.type.endsWith('appointment-conflict') || error.errors.length > 0)
  );
}

/**
 * The conflict kinds an admin's override reason lets through: the therapist's weekly hours and time off. A double
 * booking never is (ADR 0007).
 */
const OVERRIDABLE_KINDS: ReadonlySet<string> = new Set(['outside-hours', 'time-off']);

/** The `kind` of every conflict the problem lists (`double-booking`, `outside-hours`, `time-off`). */
export function conflictKinds(error: ApiError): string[] {
  const conflicts = error.extensions.conflicts;
  if (!Array.isArray(conflicts)) return [];
  return conflicts.map((conflict: unknown) => {
    const kind = typeof conflict === 'object' && conflict !== null ? (conflict as { kind?: unknown }).kind : null;
    return typeof kind === 'string' ? kind : 'unknown';
  });
}

/** True when an override can get past every conflict: offer "… anyway (override)" only then. */
export function isOverridable(error: ApiError): boolean {
  const kinds = conflictKinds(error);
  return kinds.length > 0 && kinds.every((kind) => OVERRIDABLE_KINDS.has(kind));
}

function occurrenceLabel(pointer: string): string | null {
  const match = /^\/occurrences\/(\d+)/.exec(pointer);
  return match ? `Occurrence ${Number(match[1]) + 1}` : null;
}

/**
 * The conflicts the server found in its words (who, with whom, when in clinic time): its detail, then one line per
 * conflict naming the occurrence of a series it concerns, unless the detail already says the only one. When another
 * appointment is in the way, it says that only another time (or therapist) will do.
 */
export function ConflictList({ error }: { error: ApiError }) {
  const doubleBooked = conflictKinds(error).includes('double-booking');
  const onlyOneSaid = error.errors.length === 1 && error.detail.includes(error.errors[0].detail);
  return (
    <Alert title="This clashes with the schedule">
      <p>{error.detail}</p>
      {error.errors.length > 0 && !onlyOneSaid && (
        <ul className="conflict-list" aria-label="Conflicts">
          {error.errors.map((conflict, index) => {
            const label = occurrenceLabel(conflict.pointer);
            return (
              <li key={`${conflict.pointer}-${index}`}>
                {label && <strong>{label}: </strong>}
                {conflict.detail}
              </li>
            );
          })}
        </ul>
      )}
      {doubleBooked && (
        <p>
          Another appointment already takes this time, and a double booking cannot be overridden: choose another time or
          therapist.
        </p>
      )}
    </Alert>
  );
}
