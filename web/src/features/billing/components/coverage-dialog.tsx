import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { ReloadedAlert } from '../../../components/ui/reloaded-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-error';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { isPreconditionFailed, usePreconditionReload } from '../../../lib/use-precondition-reload';
import {
  coverageField,
  coverageFormSchema,
  toCoverageForm,
  toCoverageRequest,
  type CoverageForm,
} from '../api/charge-schema';
import type { Coverage, Payer } from '../api/charge-types';
import { getCoverage, useSaveCoverage } from '../api/coverages';

const RELATIONSHIPS = [
  { value: 'child', label: 'The child is the subscriber’s child' },
  { value: 'self', label: 'The child is the subscriber' },
  { value: 'spouse', label: 'Spouse' },
  { value: 'other', label: 'Other' },
];

const PRIORITIES = [
  { value: '1', label: 'Primary' },
  { value: '2', label: 'Secondary' },
  { value: '3', label: 'Tertiary' },
];

/** Records a child's insurance coverage or edits one (admins). */
export function CoverageDialog({
  childId,
  open,
  coverage,
  payers,
  onClose,
  onSaved,
}: {
  childId: string;
  open: boolean;
  coverage: Coverage | null;
  /** The insurers to choose from. */
  payers: readonly Payer[];
  onClose: () => void;
  onSaved: (saved: Coverage, created: boolean) => void;
}) {
  const title = coverage ? 'Edit coverage' : 'Add coverage';
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description="The child’s insurance as claims need it. Without a member ID its charges are held."
      size="wide"
    >
      {open && (
        <CoverageFormBody
          key={coverage?.id ?? 'new'}
          title={title}
          childId={childId}
          initial={coverage}
          payers={payers}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Dialog>
  );
}

function CoverageFormBody({
  title,
  childId,
  initial,
  payers,
  onClose,
  onSaved,
}: {
  title: string;
  childId: string;
  initial: Coverage | null;
  payers: readonly Payer[];
  onClose: () => void;
  onSaved: (saved: Coverage, created: boolean) => void;
}) {
  const save = useSaveCoverage(childId);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<CoverageForm>({ resolver: zodResolver(coverageFormSchema), defaultValues: toCoverageForm(initial) });
  const { current, reloaded, startSave, handleSaveError } = usePreconditionReload({
    record: initial,
    load: (id) => getCoverage(id),
    onReloaded: (latest) => reset(toCoverageForm(latest)),
  });

  const onSubmit = handleSubmit((values) => {
    startSave();
    save.mutate(
      { request: toCoverageRequest(values), id: current?.id, version: current?.version },
      {
        onSuccess: (saved) => onSaved(saved, current === null),
        onError: async (error) => {
          if (await handleSaveError(error)) return;
          applyServerFieldErrors(error, coverageField, setError);
        },
      },
    );
  });
  const overlap = save.error instanceof ApiError && save.error.status === 409;

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={title}>
      {reloaded && <ReloadedAlert record="coverage" />}
      {overlap && (
        <Alert title="Another coverage covers these dates">
          End the other coverage of the same priority first, or change the dates.
        </Alert>
      )}
      {!overlap && !isPreconditionFailed(save.error) && <FormErrorAlert error={save.error} fields={coverageField} />}
      <div className="form-grid">
        <SelectField
          label="Insurer"
          placeholder="Choose…"
          required
          options={payers.filter((p) => p.kind === 'insurance').map((p) => ({ value: p.id, label: p.name }))}
          error={errors.payerId?.message}
          {...register('payerId')}
        />
        <SelectField label="Priority" options={PRIORITIES} error={errors.priority?.message} {...register('priority')} />
        <TextField label="Member ID" autoComplete="off" error={errors.memberId?.message} {...register('memberId')} />
        <TextField
          label="Group number (optional)"
          autoComplete="off"
          error={errors.groupNumber?.message}
          {...register('groupNumber')}
        />
        <TextField
          label="Subscriber’s name"
          autoComplete="off"
          error={errors.subscriberName?.message}
          {...register('subscriberName')}
        />
        <SelectField
          label="Relationship to the subscriber"
          options={RELATIONSHIPS}
          error={errors.subscriberRelationship?.message}
          {...register('subscriberRelationship')}
        />
        <TextField
          label="Subscriber’s date of birth"
          type="date"
          error={errors.subscriberDateOfBirth?.message}
          {...register('subscriberDateOfBirth')}
        />
      </div>
      <fieldset className="fieldset">
        <legend className="fieldset-legend">Subscriber’s address (optional)</legend>
        <p className="field-hint">
          When the subscriber is not the child: the claim names it (box 7). The child’s own address is on its record.
        </p>
        <div className="form-grid">
          <TextField
            label="Street"
            autoComplete="off"
            error={errors.subscriberLine1?.message}
            {...register('subscriberLine1')}
          />
          <TextField
            label="Apartment, suite (optional)"
            autoComplete="off"
            error={errors.subscriberLine2?.message}
            {...register('subscriberLine2')}
          />
          <TextField
            label="City"
            autoComplete="off"
            error={errors.subscriberCity?.message}
            {...register('subscriberCity')}
          />
          <TextField
            label="State"
            autoComplete="off"
            error={errors.subscriberState?.message}
            {...register('subscriberState')}
          />
          <TextField
            label="ZIP code"
            autoComplete="off"
            error={errors.subscriberPostalCode?.message}
            {...register('subscriberPostalCode')}
          />
        </div>
      </fieldset>
      <div className="form-grid">
        <TextField
          label="Diagnosis codes (ICD-10)"
          hint="Separated by commas, e.g. F84.0"
          autoComplete="off"
          error={errors.diagnosisCodes?.message}
          {...register('diagnosisCodes')}
        />
        <TextField
          label="First day"
          type="date"
          required
          error={errors.startDate?.message}
          {...register('startDate')}
        />
        <TextField label="Last day (optional)" type="date" error={errors.endDate?.message} {...register('endDate')} />
      </div>
      <DialogActions
        onCancel={onClose}
        pending={save.isPending}
        submitLabel={initial ? 'Save changes' : 'Save coverage'}
      />
    </form>
  );
}
