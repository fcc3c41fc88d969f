import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { errorMessage } from '../../../lib/api-error';
import { useAppointments } from '../api/list-appointments';
import { TherapistActions } from './appointment-actions';
import { DayList } from './day-list';
import { addDays, startOfDay, toOffsetIso } from './schedule-math';
import { useChildNames } from './use-names';

/** A therapist's appointments of today in order, with check-in, complete and the way to the session record. */
export function TodayList({ therapistId }: { therapistId: string }) {
  const today = startOfDay(new Date());
  const appointments = useAppointments({
    from: toOffsetIso(today),
    to: toOffsetIso(addDays(today, 1)),
    therapistId,
  });
  const childName = useChildNames();

  return (
    <div className="sched-screen">
      <p>
        <Link to="/sessions/run" className="btn btn-secondary">
          Run a session
        </Link>
      </p>
      {appointments.isPending && (
        <p className="muted" role="status">
          Loading today’s sessions…
        </p>
      )}
      {appointments.isError && <Alert>{errorMessage(appointments.error)}</Alert>}
      {appointments.data && (
        <DayList
          label="Today’s sessions"
          appointments={appointments.data.content.filter((appointment) => appointment.therapist.id === therapistId)}
          childName={childName}
          empty="No sessions booked for today."
          actions={(appointment) =>
            appointment.status !== 'cancelled' &&
            appointment.status !== 'no_show' && (
              <TherapistActions appointment={appointment} childName={childName(appointment.childId)} />
            )
          }
        />
      )}
    </div>
  );
}
