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

function occurrenceLabel(pointer: string): string | null {
  const match = /^\/occurrences\/(\d+)/.exec(pointer);
  return match ? `Occurrence ${Number(match[1]) + 1}` : null;
}

/** The conflicts the server found, one per line, naming the occurrence of a series they concern. */
export function ConflictList({ error }: { error: ApiError }) {
  return (
    <Alert title="This clashes with the schedule">
      <p>{error.detail}</p>
      {error.errors.length > 0 && (
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
    </Alert>
  );
}
