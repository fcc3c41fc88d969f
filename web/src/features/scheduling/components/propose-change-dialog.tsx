import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { SelectField } from '../../../components/ui/select-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { type Appointment, type MoveScope } from '../api/appointment-types';
import { useChildCareTeam } from '../api/get-child-care-team';
import { useProposeChange } from '../api/propose-change';
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

const proposeSchema = z
  .object({ ...timeRangeFields, scope: z.custom<MoveScope>(), therapistId: z.string(), note: z.string().trim() })
  .superRefine((values, ctx) => refineTimeRange(values, ctx));
type ProposeValues = z.infer<typeof proposeSchema>;

/** The server's "/start" and "/end" at the start time; "/therapistId" and "/note" at theirs. */
const PROPOSE_FIELDS = (path: string) =>
  timeRangeField(path) ?? (path === 'therapistId' || path === 'note' ? path : undefined);

/**
 * A therapist proposes a new time (and optionally a colleague of the child's care team) for their own appointment.
 * Nothing moves until an admin approves it.
 */
export function ProposeChangeDialog({
  appointment,
  childName,
  therapistId,
  onClose,
  onProposed,
}: {
  appointment: Appointment | null;
  childName: string;
  /** The signed-in therapist, kept out of the "hand over to" choices. */
  therapistId: string;
  onClose: () => void;
  onProposed: (message: string) => void;
}) {
  return (
    <Dialog open={appointment !== null} onClose={onClose} title="Propose a change">
      {appointment && (
        <ProposeForm
          key={appointment.id}
          appointment={appointment}
          childName={childName}
          therapistId={therapistId}
          onClose={onClose}
          onProposed={onProposed}
        />
      )}
    </Dialog>
  );
}

function ProposeForm({
  appointment,
  childName,
  therapistId,
  onClose,
  onProposed,
}: {
  appointment: Appointment;
  childName: string;
  therapistId: string;
  onClose: () => void;
  onProposed: (message: string) => void;
}) {
  const propose = useProposeChange();
  const careTeam = useChildCareTeam(appointment.childId);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ProposeValues>({
    resolver: zodResolver(proposeSchema),
    defaultValues: {
      ...timeRangeValues(new Date(appointment.start), new Date(appointment.end)),
      scope: 'this',
      therapistId: '',
      note: '',
    },
  });
  const colleagues = (careTeam.data ?? [])
    .filter((member) => member.userId !== therapistId)
    .map((member) => ({ value: member.userId, label: member.name }));

  const submit = handleSubmit((values) => {
    const chosen = chosenRange(values);
    propose.mutate(
      {
        appointmentId: appointment.id,
        request: {
          start: toOffsetIso(chosen.start),
          end: toOffsetIso(chosen.end),
          scope: appointment.seriesId ? values.scope : 'this',
          ...(values.therapistId ? { therapistId: values.therapistId } : {}),
          ...(values.note ? { note: values.note } : {}),
        },
      },
      {
        onSuccess: () => onProposed(`Your change for ${childName} was sent to the office.`),
        onError: (error) => applyServerFieldErrors(error, PROPOSE_FIELDS, setError),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Propose a change">
      <p>{childName}. An admin approves or declines the change; until then the appointment stays as it is.</p>
      <TimeRangeFields
        day={register('day')}
        startTime={register('startTime')}
        endTime={register('endTime')}
        error={errors.startTime?.message}
        prefix="New"
      />
      {appointment.seriesId && (
        <Controller
          control={control}
          name="scope"
          render={({ field }) => <ScopeFieldset name="propose-scope" scope={field.value} onChange={field.onChange} />}
        />
      )}
      <SelectField
        label="Therapist"
        placeholder="Keep me"
        options={colleagues}
        hint="Hand the appointment to a colleague of the child's care team"
        error={errors.therapistId?.message}
        {...register('therapistId')}
      />
      <TextareaField
        label="Note for the office (optional)"
        maxLength={500}
        error={errors.note?.message}
        {...register('note')}
      />
      <FormErrorAlert error={propose.error} fields={PROPOSE_FIELDS} />
      <DialogActions onCancel={onClose} pending={propose.isPending} submitLabel="Send proposal" />
    </form>
  );
}
