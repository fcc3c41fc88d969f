import { useState, type FormEvent } from 'react';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextareaField } from '../../../components/ui/textarea-field';
import { serverFormErrors } from '../../../lib/form-errors';
import type { Appointment } from '../api/appointment-types';
import { CANCEL_SCOPES, useCancelAppointment, type CancelScope } from '../api/cancel-appointment';
import { formatTimeRange, isLateCancellation } from './schedule-math';
import { ScopeFieldset } from './time-range-fields';

const CANCEL_FIELDS = ['reason'] as const;

/**
 * Asks for the reason and cancels: for an appointment of a series, this one or this and the following ones. For parents (`warnLate`) it says when the appointment is less than 24 hours
 * away, because the clinic then counts the cancellation as late.
 */
export function CancelDialog({
  appointment,
  childName,
  warnLate = false,
  onClose,
  onCancelled,
}: {
  appointment: Appointment | null;
  childName: string;
  warnLate?: boolean;
  onClose: () => void;
  onCancelled?: (appointment: Appointment) => void;
}) {
  return (
    <Dialog open={appointment !== null} onClose={onClose} title="Cancel appointment">
      {appointment && (
        <CancelForm
          appointment={appointment}
          childName={childName}
          warnLate={warnLate}
          onClose={onClose}
          onCancelled={onCancelled}
        />
      )}
    </Dialog>
  );
}

function CancelForm({
  appointment,
  childName,
  warnLate,
  onClose,
  onCancelled,
}: {
  appointment: Appointment;
  childName: string;
  warnLate: boolean;
  onClose: () => void;
  onCancelled?: (appointment: Appointment) => void;
}) {
  const cancel = useCancelAppointment();
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<CancelScope>('this');
  const [error, setError] = useState<string>();
  const start = new Date(appointment.start);
  const late = warnLate && isLateCancellation(start);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Give a reason');
      return;
    }
    cancel.mutate(
      { id: appointment.id, reason: reason.trim(), scope: appointment.seriesId ? scope : 'this' },
      {
        onSuccess: (saved) => {
          onCancelled?.(saved);
          onClose();
        },
        onError: (failure) => setError(serverFormErrors(failure, CANCEL_FIELDS).fields.reason),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Cancel appointment">
      <p>
        {childName} with {appointment.therapist.name},{' '}
        {start.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })}{' '}
        {formatTimeRange(start, new Date(appointment.end))}.
      </p>
      {late && (
        <Alert tone="info" title="Late cancellation">
          This appointment starts in less than 24 hours, so cancelling it now counts as a late cancellation.
        </Alert>
      )}
      {appointment.seriesId && (
        <ScopeFieldset name="cancel-scope" scope={scope} onChange={setScope} scopes={CANCEL_SCOPES} />
      )}
      <FormErrorAlert error={cancel.error} fields={CANCEL_FIELDS} />
      <TextareaField
        label="Reason"
        required
        value={reason}
        error={error}
        onChange={(event) => {
          setReason(event.target.value);
          setError(undefined);
        }}
      />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Keep appointment
        </Button>
        <Button type="submit" variant="danger" pending={cancel.isPending}>
          Cancel appointment
        </Button>
      </div>
    </form>
  );
}
