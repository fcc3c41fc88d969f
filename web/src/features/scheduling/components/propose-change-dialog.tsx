import { useState, type FormEvent } from 'react';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { SelectField } from '../../../components/ui/select-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { serverFormErrors } from '../../../lib/form-errors';
import { type Appointment, type MoveScope } from '../api/appointment-types';
import { useChildCareTeam } from '../api/get-child-care-team';
import { useProposeChange } from '../api/propose-change';
import { toOffsetIso } from './schedule-math';
import { ScopeFieldset, timeRangeField, TimeRangeFields, useTimeRange } from './time-range-fields';

/** The server's "/start" and "/end" at the time fields; "/therapistId" and "/note" at theirs. */
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
  const range = useTimeRange(new Date(appointment.start), new Date(appointment.end));
  const [scope, setScope] = useState<MoveScope>('this');
  const [colleague, setColleague] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ when?: string; therapistId?: string; note?: string }>({});
  const colleagues = (careTeam.data ?? [])
    .filter((member) => member.userId !== therapistId)
    .map((member) => ({ value: member.userId, label: member.name }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = range.check();
    setErrors({ when: chosen.error });
    if (chosen.error !== undefined) return;
    propose.mutate(
      {
        appointmentId: appointment.id,
        request: {
          start: toOffsetIso(chosen.start),
          end: toOffsetIso(chosen.end),
          scope: appointment.seriesId ? scope : 'this',
          ...(colleague ? { therapistId: colleague } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      },
      {
        onSuccess: () => onProposed(`Your change for ${childName} was sent to the office.`),
        onError: (error) => setErrors(serverFormErrors(error, PROPOSE_FIELDS).fields),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Propose a change">
      <p>{childName}. An admin approves or declines the change; until then the appointment stays as it is.</p>
      <TimeRangeFields range={range} error={errors.when} prefix="New" />
      {appointment.seriesId && <ScopeFieldset name="propose-scope" scope={scope} onChange={setScope} />}
      <SelectField
        label="Therapist"
        placeholder="Keep me"
        options={colleagues}
        value={colleague}
        hint="Hand the appointment to a colleague of the child's care team"
        error={errors.therapistId}
        onChange={(event) => setColleague(event.target.value)}
      />
      <TextareaField
        label="Note for the office (optional)"
        maxLength={500}
        value={note}
        error={errors.note}
        onChange={(event) => setNote(event.target.value)}
      />
      <FormErrorAlert error={propose.error} fields={PROPOSE_FIELDS} />
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
