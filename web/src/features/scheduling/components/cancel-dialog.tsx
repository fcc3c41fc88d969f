import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextareaField } from '../../../components/ui/textarea-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import type { Appointment } from '../api/appointment-types';
import { CANCEL_SCOPES, useCancelAppointment, type CancelScope } from '../api/cancel-appointment';
import { formatTimeRange, isLateCancellation } from './schedule-math';
import { ScopeFieldset } from './time-range-fields';

const CANCEL_FIELDS = ['reason'] as const;

const cancelSchema = z.object({
  reason: z.string().trim().min(1, 'Give a reason'),
  scope: z.custom<CancelScope>((value) => CANCEL_SCOPES.includes(value as CancelScope)),
});
type CancelValues = z.infer<typeof cancelSchema>;

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
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CancelValues>({ resolver: zodResolver(cancelSchema), defaultValues: { reason: '', scope: 'this' } });
  const start = new Date(appointment.start);
  const late = warnLate && isLateCancellation(start);

  const submit = handleSubmit(({ reason, scope }) =>
    cancel.mutate(
      { id: appointment.id, reason, scope: appointment.seriesId ? scope : 'this' },
      {
        onSuccess: (saved) => {
          onCancelled?.(saved);
          onClose();
        },
        onError: (failure) => applyServerFieldErrors(failure, CANCEL_FIELDS, setError),
      },
    ),
  );

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
        <Controller
          control={control}
          name="scope"
          render={({ field }) => (
            <ScopeFieldset name="cancel-scope" scope={field.value} onChange={field.onChange} scopes={CANCEL_SCOPES} />
          )}
        />
      )}
      <FormErrorAlert error={cancel.error} fields={CANCEL_FIELDS} />
      <TextareaField label="Reason" required error={errors.reason?.message} {...register('reason')} />
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
