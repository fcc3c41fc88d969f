import { useState, type FormEvent } from 'react';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { serverFormErrors } from '../../../lib/form-errors';
import { WEEKDAYS, type TimeBlock, type Weekday } from '../api/appointment-types';
import { useAddTimeOff } from '../api/add-time-off';
import { useAvailability } from '../api/get-availability';
import { useTherapists } from '../api/list-therapists';
import { usePutAvailability } from '../api/put-availability';
import { toOffsetIso } from './schedule-math';
import { blockErrors, WeeklyHoursRows } from './weekly-hours-rows';

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
  const [blocks, setBlocks] = useState<TimeBlock[]>(initial);
  const [showErrors, setShowErrors] = useState(false);
  const [saved, setSaved] = useState(false);
  const errors = blockErrors(blocks);

  function submit(event: FormEvent) {
    event.preventDefault();
    setShowErrors(true);
    if (errors.some(Boolean)) return;
    const order = (day: Weekday) => WEEKDAYS.indexOf(day);
    const sorted = [...blocks].sort((a, b) => order(a.weekday) - order(b.weekday) || a.start.localeCompare(b.start));
    // shown in the order sent, so the rows the server's errors name ("/blocks/2") are the rows on screen
    setBlocks(sorted);
    save.mutate(sorted, {
      onSuccess: (result) => {
        setBlocks(result.blocks);
        setSaved(true);
      },
    });
  }

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="weekly-title">
      <h2 id="weekly-title" className="section-title">
        Weekly availability
      </h2>
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
        onChange={(next) => {
          setSaved(false);
          setBlocks(next);
        }}
        errorsOf={(index) => ({ start: showErrors ? errors[index] : undefined })}
      />
      <FormErrorAlert error={save.error} />
      {saved && <Alert tone="success">Availability saved.</Alert>}
      <div className="form-actions">
        <Button
          variant="secondary"
          onClick={() => {
            setSaved(false);
            const last = blocks[blocks.length - 1];
            const next = last ? WEEKDAYS[Math.min(6, WEEKDAYS.indexOf(last.weekday) + 1)] : 'MONDAY';
            setBlocks([...blocks, { weekday: next, start: last?.start ?? '09:00', end: last?.end ?? '17:00' }]);
          }}
        >
          Add block
        </Button>
        <Button type="submit" pending={save.isPending}>
          Save availability
        </Button>
      </div>
    </form>
  );
}

/** The server's "/start" and "/end" at the start field, which carries the form's one time-off message. */
const TIME_OFF_FIELDS = (path: string) => (path === 'start' || path === 'end' ? 'when' : undefined);

function TimeOffForm({ therapistId }: { therapistId: string }) {
  const add = useAddTimeOff(therapistId);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!start || !end) return setError('Enter the start and the end');
    if (end <= start) return setError('The end must be after the start');
    setError(undefined);
    add.mutate(
      {
        start: toOffsetIso(new Date(start)),
        end: toOffsetIso(new Date(end)),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
      {
        onSuccess: () => {
          setSaved(true);
          setStart('');
          setEnd('');
          setReason('');
        },
        onError: (failure) => setError(serverFormErrors(failure, TIME_OFF_FIELDS).fields.when),
      },
    );
  }

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
          value={start}
          error={error}
          onChange={(event) => setStart(event.target.value)}
        />
        <TextField
          label="Time off until"
          type="datetime-local"
          required
          value={end}
          onChange={(event) => setEnd(event.target.value)}
        />
      </div>
      <TextField label="Reason (optional)" value={reason} onChange={(event) => setReason(event.target.value)} />
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
