import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ReloadedAlert } from '../../../components/ui/reloaded-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { isPreconditionFailed, usePreconditionReload } from '../../../lib/use-precondition-reload';
import { getProgram } from '../api/get-program';
import {
  EDIT_PROGRAM_FIELDS,
  editProgramSchema,
  toEditProgramForm,
  toUpdateProgramRequest,
  type EditProgramForm,
} from '../api/program-schema';
import { DOMAIN_OPTIONS, type Program } from '../api/program-types';
import { useUpdateProgram } from '../api/update-program';
import { CriterionFields } from './criterion-fields';

const STATUS_OPTIONS = [
  { value: 'active', label: 'Active' },
  { value: 'on_hold', label: 'On hold' },
];

export function EditProgramDialog({
  program,
  open,
  onClose,
  onSaved,
}: {
  program: Program;
  open: boolean;
  onClose: () => void;
  onSaved: (program: Program) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Edit program">
      {open && <EditProgramForm program={program} onClose={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}

function EditProgramForm({
  program: initial,
  onClose,
  onSaved,
}: {
  program: Program;
  onClose: () => void;
  onSaved: (program: Program) => void;
}) {
  const update = useUpdateProgram();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<EditProgramForm>({ resolver: zodResolver(editProgramSchema), defaultValues: toEditProgramForm(initial) });
  const {
    current: program,
    reloaded,
    startSave,
    handleSaveError,
  } = usePreconditionReload({
    record: initial,
    load: (id) => getProgram(id),
    onReloaded: (latest) => reset(toEditProgramForm(latest)),
  });

  const onSubmit = handleSubmit((values) => {
    startSave();
    update.mutate(
      { program, changes: toUpdateProgramRequest(values) },
      {
        onSuccess: (saved) => onSaved(saved),
        onError: async (error) => {
          if (await handleSaveError(error)) return;
          applyServerFieldErrors(error, EDIT_PROGRAM_FIELDS, setError);
        },
      },
    );
  });

  const stale = isPreconditionFailed(update.error);

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Edit program">
      {reloaded && <ReloadedAlert record="program" />}
      {!stale && <FormErrorAlert error={update.error} fields={EDIT_PROGRAM_FIELDS} />}
      <TextField label="Program name" autoComplete="off" required error={errors.name?.message} {...register('name')} />
      <div className="form-grid">
        <SelectField
          label="Domain"
          options={DOMAIN_OPTIONS}
          required
          error={errors.domain?.message}
          {...register('domain')}
        />
        <SelectField
          label="Status"
          options={STATUS_OPTIONS}
          required
          error={errors.status?.message}
          {...register('status')}
        />
      </div>
      <TextareaField label="Objective (optional)" error={errors.objective?.message} {...register('objective')} />
      <CriterionFields register={register} errors={errors} optional={program.kind === 'behavior'} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={update.isPending}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
