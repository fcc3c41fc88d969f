import { useMemo, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { errorMessage } from '../../../lib/api-error';
import type { Appointment } from '../api/appointment-types';
import { useAppointments } from '../api/list-appointments';
import { CancelDialog } from './cancel-dialog';
import { DayList } from './day-list';
import { addDays, formatLongDay, formatTimeRange, startOfDay, toOffsetIso } from './schedule-math';
import { useChildNames } from './use-names';

/** A parent's next four weeks of their children's appointments, by day, with cancel. */
export function UpcomingList() {
  const [range] = useState(() => {
    const now = new Date();
    return { from: toOffsetIso(now), to: toOffsetIso(addDays(startOfDay(now), 29)) };
  });
  const appointments = useAppointments(range);
  const childName = useChildNames();
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const [notice, setNotice] = useState('');

  const byDay = useMemo(() => {
    const groups = new Map<string, Appointment[]>();
    for (const appointment of [...(appointments.data?.content ?? [])].sort((a, b) => a.start.localeCompare(b.start))) {
      const day = formatLongDay(new Date(appointment.start));
      groups.set(day, [...(groups.get(day) ?? []), appointment]);
    }
    return [...groups.entries()];
  }, [appointments.data]);

  return (
    <div className="sched-screen">
      <p className="notice-region" role="status">
        {notice}
      </p>
      {appointments.isPending && (
        <p className="muted" role="status">
          Loading sessions…
        </p>
      )}
      {appointments.isError && <Alert>{errorMessage(appointments.error)}</Alert>}
      {appointments.data && byDay.length === 0 && <p className="empty-state">No sessions in the next four weeks.</p>}
      {byDay.map(([day, list]) => (
        <section key={day} className="panel" aria-label={day}>
          <h2 className="section-title">{day}</h2>
          <DayList
            label={`Sessions on ${day}`}
            appointments={list}
            childName={childName}
            actions={(appointment) =>
              appointment.status === 'scheduled' && (
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`Cancel the session of ${childName(appointment.childId)} at ${formatTimeRange(new Date(appointment.start), new Date(appointment.end))}`}
                  onClick={() => setCancelling(appointment)}
                >
                  Cancel
                </Button>
              )
            }
          />
        </section>
      ))}
      <CancelDialog
        appointment={cancelling}
        childName={cancelling ? childName(cancelling.childId) : ''}
        warnLate
        onClose={() => setCancelling(null)}
        onCancelled={(saved) =>
          setNotice(
            saved.cancellation?.late ? 'The session was cancelled (late cancellation).' : 'The session was cancelled.',
          )
        }
      />
    </div>
  );
}
