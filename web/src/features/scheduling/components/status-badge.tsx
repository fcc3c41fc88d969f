import { Badge } from '../../../components/ui/badge';
import { STATUS_LABELS, type Appointment } from '../api/appointment-types';

const TONES = {
  scheduled: 'info',
  checked_in: 'neutral',
  completed: 'success',
  cancelled: 'muted',
  no_show: 'muted',
} as const;

export function StatusBadge({ appointment }: { appointment: Pick<Appointment, 'status' | 'cancellation'> }) {
  const late = appointment.status === 'cancelled' && appointment.cancellation?.late;
  return (
    <Badge tone={TONES[appointment.status]}>
      {STATUS_LABELS[appointment.status]}
      {late ? ' (late)' : ''}
    </Badge>
  );
}
