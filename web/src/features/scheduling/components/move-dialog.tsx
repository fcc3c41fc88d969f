import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { TextField } from '../../../components/ui/text-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { type Appointment, type MoveScope } from '../api/appointment-types';
import { useChangeCheck } from '../api/check-appointment';
import { isPayerRefusal, type PayerWarning } from '../api/payer-warnings';
import { useUpdateAppointment, type UpdateAppointmentRequest } from '../api/update-appointment';
import { BookingCheckNotice, CheckRefusal, checkIsOverridable } from './booking-check-notice';
import { ConflictList, isConflictError, isOverridable } from './conflict-list';
import { PayerRefusal } from './payer-warnings';
import { toOffsetIso } from './schedule-math';
import {
  chosenRange,
  refineTimeRange,
  ScopeFieldset,
  timeRangeField,
  TimeRangeFields,
  timeRangeFields,
  timeRangeValues,
} from './time-range-fields';

export interface MoveRequest {
  appointment: Appointment;
  /** The proposed new start (after a drag); the current one when moving from the details panel. */
  start: Date;
}

/** The server's "/start" and "/end" at the start time, "/override/reason" at the reason. */
const MOVE_FIELDS = (path: string) => timeRangeField(path) ?? (path === 'override.reason' ? 'reason' : undefined);

const moveSchema = z
  .object({
    ...timeRangeFields,
    scope: z.custom<MoveScope>(),
    override: z.boolean(),
    reason: z.string().trim(),
  })
  .superRefine((values, ctx) => refineTimeRange(values, ctx));
type MoveValues = z.infer<typeof moveSchema>;

/** The move the form asks for (no override), or null while its times are not valid. */
function moveRequest(values: MoveValues, seriesId: string | null | undefined): UpdateAppointmentRequest | null {
  if (!moveSchema.safeParse(values).success) return null;
  const chosen = chosenRange(values);
  return {
    start: toOffsetIso(chosen.start),
    end: toOffsetIso(chosen.end),
    scope: seriesId ? values.scope : 'this',
  };
}

/** Confirms a move: date and times, which occurrences of a series, and an override reason after a refusal. */
export function MoveDialog({
  request,
  childName,
  onClose,
  onMoved,
}: {
  request: MoveRequest | null;
  childName: string;
  onClose: () => void;
  onMoved: (message: string, warnings: PayerWarning[]) => void;
}) {
  return (
    <Dialog open={request !== null} onClose={onClose} title="Move appointment">
      {request && (
        <MoveForm
          key={`${request.appointment.id}-${request.start.getTime()}`}
          request={request}
          childName={childName}
          onClose={onClose}
          onMoved={onMoved}
        />
      )}
    </Dialog>
  );
}

function MoveForm({
  request,
  childName,
  onClose,
  onMoved,
}: {
  request: MoveRequest;
  childName: string;
  onClose: () => void;
  onMoved: (message: string, warnings: PayerWarning[]) => void;
}) {
  const { appointment } = request;
  const update = useUpdateAppointment();
  const duration = new Date(appointment.end).getTime() - new Date(appointment.start).getTime();
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<MoveValues>({
    resolver: zodResolver(moveSchema),
    defaultValues: {
      ...timeRangeValues(request.start, new Date(request.start.getTime() + duration)),
      scope: 'this',
      override: false,
      reason: '',
    },
  });
  const override = useWatch({ control, name: 'override' });
  const check = useChangeCheck(appointment.id, moveRequest(useWatch({ control }) as MoveValues, appointment.seriesId));
  const conflict = isConflictError(update.error) ? update.error : null;
  // offered after a refusal, or before saving when the check found only what an override gets past
  const overridable = conflict !== null ? isOverridable(conflict) : !update.error && checkIsOverridable(check.data);

  const submit = handleSubmit((values) => {
    // the reason is asked for only once the server offered the override
    if (values.override && overridable && !values.reason) {
      setError('reason', { type: 'required', message: 'Give a reason for the override' }, { shouldFocus: true });
      return;
    }
    const request = moveRequest(values, appointment.seriesId);
    if (!request) return;
    update.mutate(
      {
        id: appointment.id,
        request: {
          ...request,
          ...(values.override && overridable ? { override: { reason: values.reason } } : {}),
        },
      },
      {
        onSuccess: (moved) => onMoved(`The appointment with ${childName} was moved.`, moved.warnings),
        onError: (error) => applyServerFieldErrors(error, MOVE_FIELDS, setError),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Move appointment">
      <p>
        {childName} with {appointment.therapist.name}
      </p>
      <TimeRangeFields
        day={register('day')}
        startTime={register('startTime')}
        endTime={register('endTime')}
        error={errors.startTime?.message}
      />
      {appointment.seriesId && (
        <Controller
          control={control}
          name="scope"
          render={({ field }) => <ScopeFieldset name="scope" scope={field.value} onChange={field.onChange} />}
        />
      )}
      {!update.error && <BookingCheckNotice check={check.data} verb="move" />}
      {!update.error && <CheckRefusal error={check.error} />}
      {conflict && <ConflictList error={conflict} />}
      {isPayerRefusal(update.error) && <PayerRefusal error={update.error} />}
      {!conflict && !isPayerRefusal(update.error) && <FormErrorAlert error={update.error} fields={MOVE_FIELDS} />}
      {overridable && <CheckboxField label="Move anyway (override)" {...register('override')} />}
      {override && overridable && (
        <TextField label="Override reason" required error={errors.reason?.message} {...register('reason')} />
      )}
      <DialogActions onCancel={onClose} pending={update.isPending} submitLabel="Save move" />
    </form>
  );
}
