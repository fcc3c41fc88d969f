import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import type { Appointment } from '../api/appointment-types';
import { useCheckInAppointment } from '../api/check-in-appointment';
import { useCompleteAppointment } from '../api/complete-appointment';
import { useNoShowAppointment } from '../api/no-show-appointment';
import { useRecordAppointment } from '../api/record-appointment';
import { formatClock } from './schedule-math';

/** Check-in opens this long before the start when the server does not say (its default). */
const DEFAULT_CHECK_IN_LEAD_MS = 30 * 60 * 1000;

/** When the appointment can be checked in and recorded, as the server says. */
function checkInOpensAt(appointment: Appointment): Date {
  return appointment.checkInOpensAt
    ? new Date(appointment.checkInOpensAt)
    : new Date(new Date(appointment.start).getTime() - DEFAULT_CHECK_IN_LEAD_MS);
}

/** The current time, again every 30 seconds, so buttons appear when their time comes. */
function useNow(fixed?: Date): Date {
  const [now, setNow] = useState(() => fixed ?? new Date());
  useEffect(() => {
    if (fixed) return undefined;
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, [fixed]);
  return fixed ?? now;
}

/**
 * The therapist's buttons for their own appointment, as the clock allows (the server decides; these only hide what it
 * would refuse). From the opening of check-in (30 minutes before the start): "Record" — checks in and opens the
 * session record, whose submission completes the appointment — and "Check in"; from the start: "No-show" while
 * scheduled, "Complete" once checked in. Before check-in opens it says when. After completion: the way into recording
 * the session (while it is open) and to its record.
 */
export function TherapistActions({
  appointment,
  childName,
  now: fixedNow,
}: {
  appointment: Appointment;
  childName: string;
  /** For tests: the time to judge by (otherwise the clock, refreshed every 30 seconds). */
  now?: Date;
}) {
  const now = useNow(fixedNow);
  const navigate = useNavigate();
  const checkIn = useCheckInAppointment();
  const complete = useCompleteAppointment();
  const noShow = useNoShowAppointment();
  const record = useRecordAppointment();
  const failed = [checkIn, complete, noShow, record].find((mutation) => mutation.isError);
  const sessionId = complete.data?.sessionId ?? appointment.sessionId;
  const sessionOpen = (complete.data?.sessionStatus ?? appointment.sessionStatus) !== 'submitted';
  const opensAt = checkInOpensAt(appointment);
  const checkInOpen = now.getTime() >= opensAt.getTime();
  const started = now.getTime() >= new Date(appointment.start).getTime();
  const attending = appointment.status === 'scheduled' || appointment.status === 'checked_in';
  const hasActions = attending || (appointment.status === 'completed' && Boolean(sessionId));
  if (!hasActions && !failed) return null;

  const startRecording = () =>
    record.mutate(appointment.id, {
      onSuccess: (recorded) => {
        if (recorded.sessionId) navigate(`/sessions/run/${recorded.sessionId}`);
      },
    });

  return (
    <div className="appt-actions">
      {attending && !checkInOpen && <span className="muted">Check-in opens at {formatClock(opensAt)}</span>}
      {attending &&
        checkInOpen &&
        (appointment.status === 'checked_in' && appointment.sessionId ? (
          <Link
            className="btn btn-primary btn-sm"
            to={`/sessions/run/${appointment.sessionId}`}
            aria-label={`Record the session with ${childName}`}
          >
            Record
          </Link>
        ) : (
          <Button
            size="sm"
            pending={record.isPending}
            onClick={startRecording}
            aria-label={`Record the session with ${childName}`}
          >
            Record
          </Button>
        ))}
      {appointment.status === 'scheduled' && checkInOpen && (
        <Button
          size="sm"
          variant="secondary"
          pending={checkIn.isPending}
          onClick={() => checkIn.mutate(appointment.id)}
          aria-label={`Check in ${childName}`}
        >
          Check in
        </Button>
      )}
      {appointment.status === 'scheduled' && started && (
        <Button
          size="sm"
          variant="secondary"
          pending={noShow.isPending}
          onClick={() => noShow.mutate(appointment.id)}
          aria-label={`Mark ${childName} as no-show`}
        >
          No-show
        </Button>
      )}
      {appointment.status === 'checked_in' && started && (
        <Button
          size="sm"
          variant="secondary"
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
