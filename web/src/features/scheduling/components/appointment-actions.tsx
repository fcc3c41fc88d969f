import { useEffect, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import { TextareaField } from '../../../components/ui/textarea-field';
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

/** What the therapist's and the admin's attendance buttons are drawn for. */
interface AttendanceActionsProps {
  appointment: Appointment;
  childName: string;
  /** For tests: the time to judge by (otherwise the clock, refreshed every 30 seconds). */
  now?: Date;
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
export function TherapistActions({ appointment, childName, now: fixedNow }: AttendanceActionsProps) {
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
          onClick={() => checkIn.mutate({ id: appointment.id })}
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
          onClick={() => noShow.mutate({ id: appointment.id })}
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
          onClick={() => complete.mutate({ id: appointment.id })}
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

type AttendanceStep = 'check-in' | 'no-show' | 'complete';

const STEP_LABELS: Record<AttendanceStep, { now: string; early: string; question: string; done: string }> = {
  'check-in': {
    now: 'Check in',
    early: 'Check in early…',
    question: 'Why check in before check-in opens?',
    done: 'Check in early',
  },
  'no-show': {
    now: 'No-show',
    early: 'No-show early…',
    question: 'Why mark a no-show before the start?',
    done: 'Mark as no-show early',
  },
  complete: {
    now: 'Complete',
    early: 'Complete early…',
    question: 'Why complete before the start?',
    done: 'Complete early',
  },
};

/**
 * The admin's attendance buttons for any open appointment (a therapist forgot to check in, a family called to say
 * they will not come): on the clock, the same steps as the therapist's; before their time — check-in before it
 * opens, a no-show or completion before the start — the step asks why, and the server records the reason in the
 * child's change history (`override`, ADR 0016).
 */
export function AdminAttendance({ appointment, childName, now: fixedNow }: AttendanceActionsProps) {
  const now = useNow(fixedNow);
  const checkIn = useCheckInAppointment();
  const complete = useCompleteAppointment();
  const noShow = useNoShowAppointment();
  const titleId = useId();
  const [early, setEarly] = useState<AttendanceStep | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const mutations: Record<AttendanceStep, typeof checkIn> = { 'check-in': checkIn, 'no-show': noShow, complete };
  const failed = [checkIn, complete, noShow].find((mutation) => mutation.isError);
  if (appointment.status !== 'scheduled' && appointment.status !== 'checked_in') return null;

  const checkInOpen = now.getTime() >= checkInOpensAt(appointment).getTime();
  const started = now.getTime() >= new Date(appointment.start).getTime();
  const steps: { step: AttendanceStep; onTime: boolean }[] =
    appointment.status === 'scheduled'
      ? [
          { step: 'check-in', onTime: checkInOpen },
          { step: 'no-show', onTime: started },
        ]
      : [{ step: 'complete', onTime: started }];

  const closeEarly = () => {
    setEarly(null);
    setReason('');
    setReasonError(undefined);
  };
  const submitEarly = () => {
    if (!early) return;
    const trimmed = reason.trim();
    if (!trimmed) {
      setReasonError('Give a reason');
      return;
    }
    mutations[early].mutate({ id: appointment.id, reason: trimmed }, { onSuccess: closeEarly });
  };

  return (
    <section className="appt-attendance" aria-labelledby={titleId}>
      <h3 id={titleId} className="appt-attendance-title">
        Attendance
      </h3>
      {early ? (
        <form
          className="appt-early"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submitEarly();
          }}
        >
          <TextareaField
            label={STEP_LABELS[early].question}
            hint="Saved with the appointment in the child’s change history."
            required
            maxLength={500}
            value={reason}
            error={reasonError}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonError(undefined);
            }}
          />
          <div className="appt-actions">
            <Button size="sm" type="submit" pending={mutations[early].isPending}>
              {STEP_LABELS[early].done}
            </Button>
            <Button size="sm" variant="ghost" type="button" onClick={closeEarly}>
              Back
            </Button>
          </div>
        </form>
      ) : (
        <div className="appt-actions">
          {steps.map(({ step, onTime }) => (
            <Button
              key={step}
              size="sm"
              variant="secondary"
              pending={onTime && mutations[step].isPending}
              onClick={() => (onTime ? mutations[step].mutate({ id: appointment.id }) : setEarly(step))}
              aria-label={`${onTime ? STEP_LABELS[step].now : STEP_LABELS[step].early} – ${childName}`}
            >
              {onTime ? STEP_LABELS[step].now : STEP_LABELS[step].early}
            </Button>
          ))}
        </div>
      )}
      {failed && <FormErrorAlert error={failed.error} />}
    </section>
  );
}
