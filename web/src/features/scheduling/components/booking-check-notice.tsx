import { Alert } from '../../../components/ui/alert';
import { ApiError } from '../../../lib/api-error';
import type { AppointmentCheck, CheckConflict } from '../api/check-appointment';

/**
 * The conflict kinds an admin's override reason lets through (as {@link isOverridable} for a refusal): the therapist's
 * weekly hours and time off, never a double booking.
 */
const OVERRIDABLE = new Set(['outside-hours', 'time-off']);

/** True when the check found conflicts and an override reason would get past every one of them. */
export function checkIsOverridable(check: AppointmentCheck | undefined): boolean {
  const conflicts = check?.conflicts ?? [];
  return conflicts.length > 0 && conflicts.every((conflict) => OVERRIDABLE.has(conflict.kind));
}

function occurrence(conflict: CheckConflict): string | null {
  const match = /^\/occurrences\/(\d+)/.exec(conflict.pointer);
  return match && Number(match[1]) > 0 ? `Occurrence ${Number(match[1]) + 1}: ` : null;
}

/**
 * What saving would meet, said before Save (ADR 0031): the payer warnings — each naming the authorization and the
 * shortfall — and, where the clinic blocks such bookings, plainly that Save will be refused; then the conflicts that
 * would refuse it. Nothing when the check found nothing (or has not answered yet).
 */
export function BookingCheckNotice({ check, verb = 'book' }: { check: AppointmentCheck | undefined; verb?: string }) {
  if (!check) return null;
  const { warnings, blocked, conflicts } = check;
  const doubleBooked = conflicts.some((conflict) => !OVERRIDABLE.has(conflict.kind));
  return (
    <>
      {warnings.length > 0 && (
        <Alert
          tone={blocked ? 'error' : 'warning'}
          title={
            blocked ? 'Save will be refused: beyond the child’s authorization' : 'Beyond the child’s authorization'
          }
        >
          <ul className="alert-list" aria-label="Authorization warnings before saving">
            {warnings.map((warning, index) => (
              <li key={`${warning.kind}-${warning.authorizationId ?? warning.serviceCode}-${index}`}>
                {warning.message}
              </li>
            ))}
          </ul>
          <p>
            {blocked
              ? `The clinic does not ${verb} beyond authorizations: choose fewer hours or other dates.`
              : 'You can still save; the payer may not pay for these units.'}
          </p>
        </Alert>
      )}
      {conflicts.length > 0 && (
        <Alert title="Save will be refused: this clashes with the schedule">
          <ul className="conflict-list" aria-label="Conflicts before saving">
            {conflicts.map((conflict, index) => (
              <li key={`${conflict.pointer}-${index}`}>
                {occurrence(conflict) && <strong>{occurrence(conflict)}</strong>}
                {conflict.detail}
              </li>
            ))}
          </ul>
          <p>
            {doubleBooked
              ? 'A double booking cannot be overridden: choose another time or therapist.'
              : 'To save anyway, override with a reason.'}
          </p>
        </Alert>
      )}
    </>
  );
}

/**
 * A check the server refused as it would refuse saving (a therapist whose credential does not deliver the service, a
 * child no longer active…): said before Save, in the server's words. Nothing for other failures (the network, a
 * cancelled request): Save then says what is wrong.
 */
export function CheckRefusal({ error }: { error: Error | null }) {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 409)) return null;
  return (
    <Alert title="Save will be refused">
      <p>{error.detail}</p>
      {error.errors.length > 0 && (
        <ul className="alert-list">
          {error.errors.map((field, index) => (
            <li key={`${field.pointer}-${index}`}>{field.detail}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
