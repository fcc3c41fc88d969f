import type { ReactNode } from 'react';
import { placeLabel, serviceLabel, supervisionLabel, type Appointment } from '../api/appointment-types';
import { formatTimeRange } from './schedule-math';
import { StatusBadge } from './status-badge';

/** Appointments of one day in order, as a list (the phone layout of the schedule). */
export function DayList({
  label,
  appointments,
  childName,
  onSelect,
  actions,
  empty = 'No appointments.',
}: {
  label: string;
  appointments: readonly Appointment[];
  childName: (childId: string) => string;
  onSelect?: (appointment: Appointment) => void;
  /** Extra controls per appointment, e.g. the therapist's check-in. */
  actions?: (appointment: Appointment) => ReactNode;
  empty?: string;
}) {
  const sorted = [...appointments].sort((a, b) => a.start.localeCompare(b.start));
  if (sorted.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <ul className="appt-list" aria-label={label}>
      {sorted.map((appointment) => {
        const start = new Date(appointment.start);
        const end = new Date(appointment.end);
        const name = childName(appointment.childId);
        const extra = actions?.(appointment);
        const supervision = supervisionLabel(appointment);
        return (
          <li key={appointment.id} className={`appt-item appt-${appointment.status}`}>
            <div className="appt-time">{formatTimeRange(start, end)}</div>
            <div className="appt-text">
              {onSelect ? (
                <button type="button" className="link-button appt-name" onClick={() => onSelect(appointment)}>
                  {name}
                </button>
              ) : (
                <span className="appt-name">{name}</span>
              )}
              <span className="appt-meta">
                {appointment.therapist.name} · {serviceLabel(appointment.serviceCode)} · {placeLabel(appointment.place)}
                {supervision && ` · ${supervision}`}
              </span>
              <span>
                <StatusBadge appointment={appointment} />
              </span>
            </div>
            {extra && <div className="appt-item-actions">{extra}</div>}
          </li>
        );
      })}
    </ul>
  );
}
