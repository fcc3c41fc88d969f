import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { errorMessage } from '../../../lib/api-error';
import { toDay } from '../../../lib/dates';
import { SCOPE_LABELS, type Appointment, type MoveScope } from '../api/appointment-types';
import { useChildCareTeam } from '../api/get-child-care-team';
import { useProposeChange } from '../api/propose-change';
import { combine, toOffsetIso, toTime } from './schedule-math';

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
  const start = new Date(appointment.start);
  const [day, setDay] = useState(toDay(start));
  const [startTime, setStartTime] = useState(toTime(start));
  const [endTime, setEndTime] = useState(toTime(new Date(appointment.end)));
  const [scope, setScope] = useState<MoveScope>('this');
  const [colleague, setColleague] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const colleagues = (careTeam.data ?? [])
    .filter((member) => member.userId !== therapistId)
    .map((member) => ({ value: member.userId, label: member.name }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const from = combine(day, startTime);
    const to = combine(day, endTime);
    const found =
      !from || !to ? 'Enter a date and both times' : to <= from ? 'The end must be after the start' : undefined;
    setError(found);
    if (found || !from || !to) return;
    propose.mutate(
      {
        appointmentId: appointment.id,
        request: {
          start: toOffsetIso(from),
          end: toOffsetIso(to),
          scope: appointment.seriesId ? scope : 'this',
          ...(colleague ? { therapistId: colleague } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      },
      { onSuccess: () => onProposed(`Your change for ${childName} was sent to the office.`) },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Propose a change">
      <p>{childName}. An admin approves or declines the change; until then the appointment stays as it is.</p>
      <div className="form-grid form-grid-3">
        <TextField label="New date" type="date" required value={day} onChange={(event) => setDay(event.target.value)} />
        <TextField
          label="New start"
          type="time"
          step={900}
          required
          value={startTime}
          error={error}
          onChange={(event) => setStartTime(event.target.value)}
        />
        <TextField
          label="New end"
          type="time"
          step={900}
          required
          value={endTime}
          onChange={(event) => setEndTime(event.target.value)}
        />
      </div>
      {appointment.seriesId && (
        <fieldset className="fieldset">
          <legend className="fieldset-legend">Which appointments</legend>
          {(Object.keys(SCOPE_LABELS) as MoveScope[]).map((value) => (
            <div className="field field-checkbox" key={value}>
              <input
                id={`propose-scope-${value}`}
                type="radio"
                name="propose-scope"
                className="checkbox"
                checked={scope === value}
                onChange={() => setScope(value)}
              />
              <label htmlFor={`propose-scope-${value}`}>{SCOPE_LABELS[value]}</label>
            </div>
          ))}
        </fieldset>
      )}
      <SelectField
        label="Therapist"
        placeholder="Keep me"
        options={colleagues}
        value={colleague}
        hint="Hand the appointment to a colleague of the child's care team"
        onChange={(event) => setColleague(event.target.value)}
      />
      <TextareaField
        label="Note for the office (optional)"
        maxLength={500}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      {propose.isError && <Alert>{errorMessage(propose.error)}</Alert>}
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={propose.isPending}>
          Send proposal
        </Button>
      </div>
    </form>
  );
}
