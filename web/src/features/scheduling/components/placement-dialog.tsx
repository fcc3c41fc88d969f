import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { SelectField } from '../../../components/ui/select-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useMovePlacement, useRemovePlacement } from '../api/adjust-proposal';
import { isPayerRefusal } from '../api/payer-warnings';
import { PayerRefusal } from './payer-warnings';
import { mayDeliver, type Proposal, type ProposalSlot } from '../api/appointment-types';
import { useChildCareTeam } from '../api/get-child-care-team';
import { ConflictList, isConflictError } from './conflict-list';
import { toOffsetIso } from './schedule-math';
import {
  chosenRange,
  refineTimeRange,
  timeRangeField,
  TimeRangeFields,
  timeRangeFields,
  timeRangeValues,
} from './time-range-fields';

export interface PlacementEdit {
  slot: ProposalSlot;
  /** The proposed start (after a drag), or the slot's own. */
  start: Date;
}

const placementSchema = z
  .object({ ...timeRangeFields, therapistId: z.string() })
  .superRefine((values, ctx) => refineTimeRange(values, ctx));
type PlacementValues = z.infer<typeof placementSchema>;

/** The server's "/start" and "/end" at the start time, "/therapistId" at the therapist. */
const PLACEMENT_FIELDS = (path: string) => timeRangeField(path) ?? (path === 'therapistId' ? path : undefined);

/**
 * Adjusts one session of a draft week before it is accepted: another day, time or therapist of the child's care team
 * (checked by the server at once), or out of the draft altogether.
 */
export function PlacementDialog({
  proposal,
  edit,
  childName,
  onClose,
  onChanged,
}: {
  proposal: Proposal;
  edit: PlacementEdit | null;
  childName: string;
  onClose: () => void;
  onChanged: (proposal: Proposal, message: string) => void;
}) {
  return (
    <Dialog open={edit !== null} onClose={onClose} title="Adjust draft session">
      {edit && (
        <PlacementForm
          key={`${edit.slot.id}-${edit.start.getTime()}`}
          proposal={proposal}
          edit={edit}
          childName={childName}
          onClose={onClose}
          onChanged={onChanged}
        />
      )}
    </Dialog>
  );
}

function PlacementForm({
  proposal,
  edit,
  childName,
  onClose,
  onChanged,
}: {
  proposal: Proposal;
  edit: PlacementEdit;
  childName: string;
  onClose: () => void;
  onChanged: (proposal: Proposal, message: string) => void;
}) {
  const { slot } = edit;
  const move = useMovePlacement();
  const remove = useRemovePlacement();
  const careTeam = useChildCareTeam(slot.childId);
  const duration = new Date(slot.end).getTime() - new Date(slot.start).getTime();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<PlacementValues>({
    resolver: zodResolver(placementSchema),
    defaultValues: {
      ...timeRangeValues(edit.start, new Date(edit.start.getTime() + duration)),
      therapistId: slot.therapistId,
    },
  });
  const failed = move.error ?? remove.error;
  const conflict = isConflictError(failed) ? failed : null;
  // only therapists whose credential may deliver the session's service (the server refuses the others)
  const therapistOptions = (careTeam.data ?? [])
    .filter((member) => member.userId === slot.therapistId || mayDeliver(member.credential, slot.serviceCode))
    .map((member) => ({ value: member.userId, label: member.name }));
  if (!therapistOptions.some((option) => option.value === slot.therapistId)) {
    therapistOptions.unshift({ value: slot.therapistId, label: 'Proposed therapist' });
  }

  const submit = handleSubmit((values) => {
    const chosen = chosenRange(values);
    remove.reset();
    move.mutate(
      {
        proposal,
        placementId: slot.id,
        change: {
          start: toOffsetIso(chosen.start),
          end: toOffsetIso(chosen.end),
          ...(values.therapistId !== slot.therapistId ? { therapistId: values.therapistId } : {}),
        },
      },
      {
        onSuccess: (changed) => onChanged(changed, `The session with ${childName} was moved in the draft.`),
        onError: (failure) => applyServerFieldErrors(failure, PLACEMENT_FIELDS, setError),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Adjust draft session">
      <p>{childName}. Nothing is booked until the week is accepted.</p>
      <TimeRangeFields
        day={register('day')}
        startTime={register('startTime')}
        endTime={register('endTime')}
        error={errors.startTime?.message}
      />
      <SelectField
        label="Therapist"
        options={therapistOptions}
        error={errors.therapistId?.message}
        {...register('therapistId')}
      />
      {conflict && <ConflictList error={conflict} />}
      {isPayerRefusal(failed) && <PayerRefusal error={failed} title="Not moved: beyond the child's authorization" />}
      {!conflict && !isPayerRefusal(failed) && <FormErrorAlert error={failed} fields={PLACEMENT_FIELDS} />}
      <div className="dialog-actions">
        <Button
          variant="danger"
          pending={remove.isPending}
          onClick={() => {
            move.reset();
            remove.mutate(
              { proposal, placementId: slot.id },
              {
                onSuccess: (changed) => onChanged(changed, `The session with ${childName} was taken out of the draft.`),
              },
            );
          }}
        >
          Remove from draft
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={move.isPending}>
          Save change
        </Button>
      </div>
    </form>
  );
}
