import { useState, type FormEvent } from 'react';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import { serverFormErrors } from '../../../lib/form-errors';
import { type Appointment, type MoveScope } from '../api/appointment-types';
import { useUpdateAppointment } from '../api/update-appointment';
import { ConflictList, isConflictError, isOverridable } from './conflict-list';
import { toOffsetIso } from './schedule-math';
import { ScopeFieldset, timeRangeField, TimeRangeFields, useTimeRange } from './time-range-fields';

export interface MoveRequest {
  appointment: Appointment;
  /** The proposed new start (after a drag); the current one when moving from the details panel. */
  start: Date;
}

/** The server's "/start" and "/end" at the time fields, "/override/reason" at the reason. */
const MOVE_FIELDS = (path: string) => timeRangeField(path) ?? (path === 'override.reason' ? 'reason' : undefined);

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
  onMoved: (message: string) => void;
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
  onMoved: (message: string) => void;
}) {
  const { appointment } = request;
  const update = useUpdateAppointment();
  const duration = new Date(appointment.end).getTime() - new Date(appointment.start).getTime();
  const range = useTimeRange(request.start, new Date(request.start.getTime() + duration));
  const [scope, setScope] = useState<MoveScope>('this');
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [errors, setErrors] = useState<{ when?: string; reason?: string }>({});
  const conflict = isConflictError(update.error) ? update.error : null;
  const overridable = conflict !== null && isOverridable(conflict);

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = range.check();
    const found = {
      when: chosen.error,
      reason: override && overridable && !overrideReason.trim() ? 'Give a reason for the override' : undefined,
    };
    setErrors(found);
    if (chosen.error !== undefined || found.reason) return;
    update.mutate(
      {
        id: appointment.id,
        request: {
          start: toOffsetIso(chosen.start),
          end: toOffsetIso(chosen.end),
          scope: appointment.seriesId ? scope : 'this',
          ...(override && overridable ? { override: { reason: overrideReason.trim() } } : {}),
        },
      },
      {
        onSuccess: () => onMoved(`The appointment with ${childName} was moved.`),
        onError: (error) => setErrors(serverFormErrors(error, MOVE_FIELDS).fields),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Move appointment">
      <p>
        {childName} with {appointment.therapist.name}
      </p>
      <TimeRangeFields range={range} error={errors.when} />
      {appointment.seriesId && <ScopeFieldset name="scope" scope={scope} onChange={setScope} />}
      {conflict && <ConflictList error={conflict} />}
      {!conflict && <FormErrorAlert error={update.error} fields={MOVE_FIELDS} />}
      {overridable && (
        <CheckboxField
          label="Move anyway (override)"
          checked={override}
          onChange={(event) => setOverride(event.target.checked)}
        />
      )}
      {override && overridable && (
        <TextField
          label="Override reason"
          required
          value={overrideReason}
          error={errors.reason}
          onChange={(event) => setOverrideReason(event.target.value)}
        />
      )}
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={update.isPending}>
          Save move
        </Button>
      </div>
    </form>
  );
}
