import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type FormEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { WEEKDAYS, type TimeBlock, type Weekday } from '../api/appointment-types';
import { useAddTimeOff } from '../api/add-time-off';
import { useAvailability } from '../api/get-availability';
import { useTherapists } from '../api/list-therapists';
import { usePutAvailability } from '../api/put-availability';
import { toOffsetIso } from './schedule-math';
import { WeeklyHoursRows, weeklyHoursSchema } from './weekly-hours-rows';

const weeklyBlocksSchema = z.object({ blocks: weeklyHoursSchema });
type WeeklyBlocksValues = z.infer<typeof weeklyBlocksSchema>;

/** Admins pick a therapist, edit their weekly availability and add time off. */
export function AvailabilityScreen() {
  const therapists = useTherapists();
  const [therapistId, setTherapistId] = useState('');
  const options = (therapists.data?.content ?? []).map((therapist) => ({ value: therapist.id, label: therapist.name }));
  return (
    <div className="sched-screen">
      {therapists.isError && <Alert>{errorMessage(therapists.error)}</Alert>}
      <div className="sched-filters">
        <SelectField
          label="Therapist"
          placeholder={therapists.isPending ? 'Loading…' : 'Choose…'}
          options={options}
          value={therapistId}
          onChange={(event) => setTherapistId(event.target.value)}
        />
      </div>
      {therapistId && (
        <>
          <WeeklyBlocks key={therapistId} therapistId={therapistId} />
          <TimeOffForm key={`off-${therapistId}`} therapistId={therapistId} />
        </>
      )}
    </div>
  );
}

function WeeklyBlocks({ therapistId }: { therapistId: string }) {
  const availability = useAvailability(therapistId);
  if (availability.isPending) {
    return (
      <p className="muted" role="status">
        Loading availability…
      </p>
    );
  }
  if (availability.isError) return <Alert>{errorMessage(availability.error)}</Alert>;
  return (
    <WeeklyBlocksForm therapistId={therapistId} initial={availability.data.blocks} known={availability.data.known} />
  );
}

function WeeklyBlocksForm({
  therapistId,
  initial,
  known,
}: {
  therapistId: string;
  initial: TimeBlock[];
  known: boolean;
}) {
  const save = usePutAvailability(therapistId);
  const [saved, setSaved] = useState(false);
  const {
    control,
    handleSubmit,
    setValue,
    formState: { errors },
  } = useForm<WeeklyBlocksValues>({ resolver: zodResolver(weeklyBlocksSchema), defaultValues: { blocks: initial } });

  const submit = handleSubmit(({ blocks }) => {
    const order = (day: Weekday) => WEEKDAYS.indexOf(day);
    const sorted = [...blocks].sort((a, b) => order(a.weekday) - order(b.weekday) || a.start.localeCompare(b.start));
    // shown in the order sent, so the rows the server's errors name ("/blocks/2") are the rows on screen
    setValue('blocks', sorted);
    save.mutate(sorted, {
      onSuccess: (result) => {
        setValue('blocks', result.blocks);
        setSaved(true);
      },
    });
  });

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="weekly-title">
      <h2 id="weekly-title" className="section-title">
        Weekly availability
      </h2>
      <Controller
        control={control}
        name="blocks"
        render={({ field: { value: blocks, onChange } }) => {
          const change = (next: TimeBlock[]) => {
            setSaved(false);
            onChange(next);
          };
          const last = blocks[blocks.length - 1];
          return (
            <>
              {!known && (
                <Alert tone="info">
                  The current availability could not be loaded. Saving replaces all of this therapist’s blocks.
                </Alert>
              )}
              {known && blocks.length === 0 && (
                <p className="empty-state">No availability yet. Add a block for each working period.</p>
              )}
              <WeeklyHoursRows
                label="Weekly blocks"
                noun="block"
                blocks={blocks}
                onChange={change}
                errorsOf={(index) => ({ start: errors.blocks?.[index]?.start?.message })}
              />
              <FormErrorAlert error={save.error} />
              {saved && <Alert tone="success">Availability saved.</Alert>}
              <div className="form-actions">
                <Button
                  variant="secondary"
                  onClick={() => {
                    const next = last ? WEEKDAYS[Math.min(6, WEEKDAYS.indexOf(last.weekday) + 1)] : 'MONDAY';
                    change([...blocks, { weekday: next, start: last?.start ?? '09:00', end: last?.end ?? '17:00' }]);
                  }}
                >
                  Add block
                </Button>
                <Button type="submit" pending={save.isPending}>
                  Save availability
                </Button>
              </div>
            </>
          );
        }}
      />
    </form>
  );
}

/** The server's "/start" and "/end" at the start field, which carries the form's one time-off message. */
const TIME_OFF_FIELDS = (path: string) => (path === 'start' || path === 'end' ? 'start' : undefined);

const timeOffSchema = z
  .object({ start: z.string(), end: z.string(), reason: z.string().trim() })
  .superRefine(({ start, end }, ctx) => {
    const message =
      !start || !end ? 'Enter the start and the end' : end <= start ? 'The end must be after the start' : '';
    if (message) ctx.addIssue({ code: 'custom', path: ['start'], message });
  });
type TimeOffValues = z.infer<typeof timeOffSchema>;
const NO_TIME_OFF: TimeOffValues = { start: '', end: '', reason: '' };

function TimeOffForm({ therapistId }: { therapistId: string }) {
  const add = useAddTimeOff(therapistId);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<TimeOffValues>({ resolver: zodResolver(timeOffSchema), defaultValues: NO_TIME_OFF });

  const submit = (event: FormEvent) => {
    setSaved(false);
    return handleSubmit(({ start, end, reason }) =>
      add.mutate(
        {
          start: toOffsetIso(new Date(start)),
          end: toOffsetIso(new Date(end)),
          ...(reason ? { reason } : {}),
        },
        {
          onSuccess: () => {
            setSaved(true);
            reset(NO_TIME_OFF);
          },
          onError: (failure) => applyServerFieldErrors(failure, TIME_OFF_FIELDS, setError),
        },
      ),
    )(event);
  };

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="time-off-title">
      <h2 id="time-off-title" className="section-title">
        Add time off
      </h2>
      <div className="form-grid">
        <TextField
          label="Time off from"
          type="datetime-local"
          required
          error={errors.start?.message}
          {...register('start')}
        />
        <TextField label="Time off until" type="datetime-local" required {...register('end')} />
      </div>
      <TextField label="Reason (optional)" {...register('reason')} />
      <FormErrorAlert error={add.error} fields={TIME_OFF_FIELDS} />
      {saved && <Alert tone="success">Time off added.</Alert>}
      <div className="form-actions">
        <Button type="submit" pending={add.isPending}>
          Add time off
        </Button>
      </div>
    </form>
  );
}
