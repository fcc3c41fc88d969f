import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { PLACE_OPTIONS, SERVICE_OPTIONS, WEEKDAYS, WEEKDAY_LABELS } from '../api/appointment-types';
import { useBookingCheck } from '../api/check-appointment';
import {
  useCreateAppointment,
  type CreateAppointmentRequest,
  type CreateAppointmentResponse,
} from '../api/create-appointment';
import { useChildCareTeam } from '../api/get-child-care-team';
import { isPayerRefusal } from '../api/payer-warnings';
import { scheduleChildName, useScheduleChildren } from '../api/list-schedule-children';
import { newAppointmentSchema, type NewAppointmentForm } from './appointment-schema';
import { BookingCheckNotice, CheckRefusal, checkIsOverridable } from './booking-check-notice';
import { ConflictList, isConflictError, isOverridable } from './conflict-list';
import { PayerRefusal } from './payer-warnings';
import { buildWeeklyRrule, weekdayOf } from './rrule';
import { combine, toOffsetIso } from './schedule-math';

/**
 * Where the server's pointers land: the request's own fields at theirs, "/recurrence" at the weekdays, "/override/reason"
 * at the reason.
 */
function NEW_APPOINTMENT_FIELDS(path: string): Path<NewAppointmentForm> | undefined {
  if (path === 'recurrence') return 'days';
  if (path === 'override.reason') return 'overrideReason';
  return (['childId', 'therapistId', 'serviceCode', 'place', 'start', 'end'] as const).find((field) => field === path);
}

/** The booking the form asks for (the override left to the caller), or null while the form is not complete. */
function bookingRequest(values: NewAppointmentForm): CreateAppointmentRequest | null {
  const start = combine(values.date, values.start);
  const end = combine(values.date, values.end);
  if (!start || !end) return null;
  const recurrence = values.repeats
    ? buildWeeklyRrule(
        values.days,
        values.endKind === 'count'
          ? { kind: 'count', count: Number(values.count) }
          : { kind: 'until', until: values.until },
      )
    : null;
  return {
    childId: values.childId,
    therapistId: values.therapistId,
    serviceCode: values.serviceCode,
    place: values.place,
    start: toOffsetIso(start),
    end: toOffsetIso(end),
    ...(recurrence ? { recurrence } : {}),
  };
}

/** The booking to check as the admin fills the form in: once it is complete and valid (no override: see the notice). */
function checkRequest(values: NewAppointmentForm): CreateAppointmentRequest | null {
  const parsed = newAppointmentSchema.safeParse({ ...values, override: false, overrideReason: '' });
  return parsed.success ? bookingRequest(parsed.data) : null;
}

export function NewAppointmentDialog({
  open,
  defaultDate,
  onClose,
  onBooked,
}: {
  open: boolean;
  /** YYYY-MM-DD the form starts on. */
  defaultDate: string;
  onClose: () => void;
  onBooked: (message: string, result: CreateAppointmentResponse) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="New appointment">
      {open && <NewAppointmentFormView defaultDate={defaultDate} onClose={onClose} onBooked={onBooked} />}
    </Dialog>
  );
}

function NewAppointmentFormView({
  defaultDate,
  onClose,
  onBooked,
}: {
  defaultDate: string;
  onClose: () => void;
  onBooked: (message: string, result: CreateAppointmentResponse) => void;
}) {
  const create = useCreateAppointment();
  const children = useScheduleChildren();
  const {
    register,
    handleSubmit,
    control,
    setValue,
    getValues,
    setError,
    formState: { errors },
  } = useForm<NewAppointmentForm>({
    resolver: zodResolver(newAppointmentSchema),
    defaultValues: {
      childId: '',
      therapistId: '',
      serviceCode: '97153',
      place: 'clinic',
      date: defaultDate,
      start: '09:00',
      end: '10:00',
      repeats: false,
      days: [weekdayOf(defaultDate)],
      endKind: 'count',
      count: '10',
      until: '',
      override: false,
      overrideReason: '',
    },
  });
  const [childId, repeats, endKind, override, days] = useWatch({
    control,
    name: ['childId', 'repeats', 'endKind', 'override', 'days'],
  });
  const careTeam = useChildCareTeam(childId || undefined);
  const check = useBookingCheck(checkRequest(useWatch({ control }) as NewAppointmentForm));
  const conflict = isConflictError(create.error) ? create.error : null;
  // offered after a refusal, or before saving when the check found only what an override gets past
  const overridable = conflict !== null ? isOverridable(conflict) : !create.error && checkIsOverridable(check.data);

  const childOptions = (children.data?.content ?? [])
    .filter((child) => child.status !== 'archived' && child.status !== 'discharged')
    .map((child) => ({ value: child.id, label: scheduleChildName(child) }));
  const therapistOptions = (careTeam.data ?? []).map((member) => ({
    value: member.userId,
    label: member.credential ? `${member.name} (${member.credential})` : member.name,
  }));

  const onSubmit = handleSubmit((values) => {
    const request = bookingRequest(values);
    if (!request) return;
    create.mutate(
      {
        ...request,
        ...(values.override && overridable ? { override: { reason: values.overrideReason.trim() } } : {}),
      },
      {
        onSuccess: (result) => {
          const count = result.occurrences.length;
          onBooked(count === 1 ? 'The appointment was booked.' : `${count} appointments were booked.`, result);
        },
        onError: (error) => applyServerFieldErrors(error, NEW_APPOINTMENT_FIELDS, setError),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="New appointment">
      <SelectField
        label="Child"
        placeholder={children.isPending ? 'Loading…' : 'Choose…'}
        required
        options={childOptions}
        error={errors.childId?.message}
        {...register('childId', { onChange: () => setValue('therapistId', '') })}
      />
      <SelectField
        label="Therapist"
        placeholder={childId ? (careTeam.isPending ? 'Loading…' : 'Choose…') : 'Choose a child first'}
        hint={childId && careTeam.data?.length === 0 ? 'This child has no care team yet.' : undefined}
        required
        disabled={!childId}
        options={therapistOptions}
        error={errors.therapistId?.message}
        {...register('therapistId')}
      />
      <div className="form-grid">
        <SelectField
          label="Service"
          required
          options={SERVICE_OPTIONS}
          error={errors.serviceCode?.message}
          {...register('serviceCode')}
        />
        <SelectField
          label="Place"
          required
          options={PLACE_OPTIONS}
          error={errors.place?.message}
          {...register('place')}
        />
      </div>
      <div className="form-grid form-grid-3">
        <TextField label="Date" type="date" required error={errors.date?.message} {...register('date')} />
        <TextField
          label="Start time"
          type="time"
          step={900}
          required
          error={errors.start?.message}
          {...register('start')}
        />
        <TextField label="End time" type="time" step={900} required error={errors.end?.message} {...register('end')} />
      </div>
      <CheckboxField
        label="Repeats weekly"
        {...register('repeats', {
          // a series starts on its first appointment's weekday: offer that day checked
          onChange: (event: { target: { checked: boolean } }) => {
            const first = weekdayOf(getValues('date'));
            if (event.target.checked && first && !getValues('days').includes(first)) {
              setValue('days', [first]);
            }
          },
        })}
      />
      {repeats && (
        <fieldset className="fieldset">
          <legend className="fieldset-legend">Repeats on</legend>
          <div className="weekday-checks">
            {WEEKDAYS.map((day) => (
              <CheckboxField
                key={day}
                label={WEEKDAY_LABELS[day]}
                checked={days.includes(day)}
                onChange={(event) =>
                  setValue('days', event.target.checked ? [...days, day] : days.filter((other) => other !== day), {
                    shouldValidate: Boolean(errors.days),
                  })
                }
              />
            ))}
          </div>
          {errors.days && <p className="field-error">{errors.days.message}</p>}
          <div className="field field-checkbox">
            <input id="ends-count" type="radio" className="checkbox" value="count" {...register('endKind')} />
            <label htmlFor="ends-count">Ends after a number of appointments</label>
          </div>
          {endKind === 'count' && (
            <TextField
              label="Number of appointments"
              type="number"
              min={1}
              max={200}
              inputMode="numeric"
              error={errors.count?.message}
              {...register('count')}
            />
          )}
          <div className="field field-checkbox">
            <input id="ends-until" type="radio" className="checkbox" value="until" {...register('endKind')} />
            <label htmlFor="ends-until">Ends on a date</label>
          </div>
          {endKind === 'until' && (
            <TextField label="Last date" type="date" error={errors.until?.message} {...register('until')} />
          )}
        </fieldset>
      )}
      {!create.error && <BookingCheckNotice check={check.data} />}
      {!create.error && <CheckRefusal error={check.error} />}
      {conflict && <ConflictList error={conflict} />}
      {isPayerRefusal(create.error) && <PayerRefusal error={create.error} />}
      {!conflict && !isPayerRefusal(create.error) && (
        <FormErrorAlert error={create.error} fields={NEW_APPOINTMENT_FIELDS} />
      )}
      {overridable && <CheckboxField label="Book anyway (override)" {...register('override')} />}
      {override && overridable && (
        <TextField
          label="Override reason"
          required
          error={errors.overrideReason?.message}
          {...register('overrideReason')}
        />
      )}
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          {override && overridable ? 'Book anyway' : 'Book'}
        </Button>
      </div>
    </form>
  );
}
