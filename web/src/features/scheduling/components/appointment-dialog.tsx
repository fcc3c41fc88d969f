import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { formatDateTime } from '../../../lib/dates';
import { placeLabel, serviceLabel, supervisionLabel, type Appointment } from '../api/appointment-types';
import { AdminAttendance, TherapistActions } from './appointment-actions';
import { formatLongDay, formatTimeRange } from './schedule-math';
import { StatusBadge } from './status-badge';

/**
 * The details of one appointment, with what the viewer may do: therapist actions and "propose a change" for their own,
 * or attendance, move and cancel for admins.
 */
export function AppointmentDialog({
  appointment,
  childName,
  isAdmin,
  isOwnTherapist,
  onClose,
  onMove,
  onCancel,
  onPropose,
}: {
  appointment: Appointment | null;
  childName: string;
  isAdmin: boolean;
  isOwnTherapist: boolean;
  onClose: () => void;
  onMove: (appointment: Appointment) => void;
  onCancel: (appointment: Appointment) => void;
  /** Therapists propose changes of their own scheduled appointments. */
  onPropose?: (appointment: Appointment) => void;
}) {
  if (!appointment) return null;
  const start = new Date(appointment.start);
  const end = new Date(appointment.end);
  const open = appointment.status === 'scheduled' || appointment.status === 'checked_in';
  const supervision = supervisionLabel(appointment);
  return (
    <Dialog open onClose={onClose} title={`Appointment with ${childName}`}>
      <dl className="details appt-details">
        <div className="detail">
          <dt>When</dt>
          <dd>
            {formatLongDay(start)}, {formatTimeRange(start, end)}
          </dd>
        </div>
        <div className="detail">
          <dt>Therapist</dt>
          <dd>{appointment.therapist.name}</dd>
        </div>
        <div className="detail">
          <dt>Service</dt>
          <dd>{serviceLabel(appointment.serviceCode)}</dd>
        </div>
        <div className="detail">
          <dt>Place</dt>
          <dd>{placeLabel(appointment.place)}</dd>
        </div>
        {supervision && (
          <div className="detail detail-wide">
            <dt>Supervision</dt>
            <dd>{supervision}</dd>
          </div>
        )}
        {appointment.actualStart && appointment.actualEnd && (
          <div className="detail">
            <dt>Took place</dt>
            <dd>{formatTimeRange(new Date(appointment.actualStart), new Date(appointment.actualEnd))}</dd>
          </div>
        )}
        <div className="detail">
          <dt>Status</dt>
          <dd>
            <StatusBadge appointment={appointment} />
            {appointment.seriesId && <Badge tone="muted">Repeats weekly</Badge>}
          </dd>
        </div>
        {appointment.cancellation && (
          <div className="detail detail-wide">
            <dt>Cancelled</dt>
            <dd>
              {formatDateTime(appointment.cancellation.at)} by {appointment.cancellation.by.name}:{' '}
              {appointment.cancellation.reason}
            </dd>
          </div>
        )}
        {appointment.override?.reason && (
          <div className="detail detail-wide">
            <dt>Booked despite conflicts</dt>
            <dd>{appointment.override.reason}</dd>
          </div>
        )}
      </dl>
      {isOwnTherapist && <TherapistActions appointment={appointment} childName={childName} />}
      {isAdmin && !isOwnTherapist && <AdminAttendance appointment={appointment} childName={childName} />}
      <div className="dialog-actions">
        {isAdmin && open && (
          <>
            <Button variant="danger" onClick={() => onCancel(appointment)}>
              Cancel appointment
            </Button>
            <Button variant="secondary" onClick={() => onMove(appointment)}>
              Move
            </Button>
          </>
        )}
        {!isAdmin && isOwnTherapist && onPropose && appointment.status === 'scheduled' && (
          <Button variant="secondary" onClick={() => onPropose(appointment)}>
            Propose a change
          </Button>
        )}
        <Button variant={isAdmin && open ? 'ghost' : 'secondary'} onClick={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
