import { Link } from 'react-router-dom';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import type { Appointment } from '../api/appointment-types';
import { useCheckInAppointment } from '../api/check-in-appointment';
import { useCompleteAppointment } from '../api/complete-appointment';
import { useNoShowAppointment } from '../api/no-show-appointment';

/**
 * The therapist's buttons for their own appointment: check in and no-show while scheduled, complete once checked in
 * (which opens the appointment's session on the server), and after completion the way into recording that very
 * session (while it is open) and to its record.
 */
export function TherapistActions({ appointment, childName }: { appointment: Appointment; childName: string }) {
  const checkIn = useCheckInAppointment();
  const complete = useCompleteAppointment();
  const noShow = useNoShowAppointment();
  const failed = [checkIn, complete, noShow].find((mutation) => mutation.isError);
  const sessionId = complete.data?.sessionId ?? appointment.sessionId;
  const sessionOpen = (complete.data?.sessionStatus ?? appointment.sessionStatus) !== 'submitted';
  const hasActions =
    appointment.status === 'scheduled' ||
    appointment.status === 'checked_in' ||
    (appointment.status === 'completed' && Boolean(sessionId));
  if (!hasActions && !failed) return null;

  return (
    <div className="appt-actions">
      {appointment.status === 'scheduled' && (
        <>
          <Button
            size="sm"
            pending={checkIn.isPending}
            onClick={() => checkIn.mutate(appointment.id)}
            aria-label={`Check in ${childName}`}
          >
            Check in
          </Button>
          <Button
            size="sm"
            variant="secondary"
            pending={noShow.isPending}
            onClick={() => noShow.mutate(appointment.id)}
            aria-label={`Mark ${childName} as no-show`}
          >
            No-show
          </Button>
        </>
      )}
      {appointment.status === 'checked_in' && (
        <Button
          size="sm"
          pending={complete.isPending}
          onClick={() => complete.mutate(appointment.id)}
          aria-label={`Complete ${childName}`}
        >
          Complete
        </Button>
      )}
      {appointment.status === 'completed' && sessionId && (
        <>
          {sessionOpen && (
            <Link className="btn btn-primary btn-sm" to={`/sessions/run/${sessionId}`}>
              Record the session
            </Link>
          )}
          <Link className={`btn btn-sm ${sessionOpen ? 'btn-secondary' : 'btn-primary'}`} to={`/sessions/${sessionId}`}>
            Open the session record
          </Link>
        </>
      )}
      {failed && <FormErrorAlert error={failed.error} />}
    </div>
  );
}
