import { zodResolver } from '@hookform/resolvers/zod';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useCreateProgram } from '../api/create-program';
import {
  EMPTY_PROGRAM_FORM,
  CREATE_PROGRAM_FIELDS,
  createProgramSchema,
  toCreateProgramRequest,
  type CreateProgramForm,
} from '../api/program-schema';
import {
  DOMAIN_OPTIONS,
  KIND_LABELS,
  MEASUREMENTS_BY_KIND,
  MEASUREMENT_LABELS,
  PROGRAM_KINDS,
  type Program,
  type ProgramKind,
} from '../api/program-types';
import { CriterionFields } from './criterion-fields';

const KIND_OPTIONS = PROGRAM_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

export function CreateProgramDialog({
  childId,
  open,
  onClose,
  onCreated,
}: {
  childId: string;
  open: boolean;
  onClose: () => void;
  onCreated: (program: Program) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New program"
      description="A treatment goal and the targets taught for it."
    >
      {open && <CreateProgramForm childId={childId} onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function CreateProgramForm({
  childId,
  onClose,
  onCreated,
}: {
  childId: string;
  onClose: () => void;
  onCreated: (program: Program) => void;
}) {
  const create = useCreateProgram();
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors },
  } = useForm<CreateProgramForm>({ resolver: zodResolver(createProgramSchema), defaultValues: EMPTY_PROGRAM_FORM });
  const kind = useWatch({ control, name: 'kind' });
  const { fields, append, remove } = useFieldArray({ control, name: 'targets' });
  const kindField = register('kind');

  const onSubmit = handleSubmit((values) => {
    create.mutate(toCreateProgramRequest(childId, values), {
      onSuccess: (created) => onCreated(created),
      onError: (error) => applyServerFieldErrors(error, CREATE_PROGRAM_FIELDS, setError),
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="New program">
      <FormErrorAlert error={create.error} fields={CREATE_PROGRAM_FIELDS} />
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
          label="Kind"
          options={KIND_OPTIONS}
          required
          {...kindField}
          onChange={(event) => {
            void kindField.onChange(event);
            // Each kind has its own measurements: start from the first one that fits.
            setValue('measurement', MEASUREMENTS_BY_KIND[event.target.value as ProgramKind][0]);
          }}
        />
        <SelectField
          label="Measurement"
          options={MEASUREMENTS_BY_KIND[kind].map((m) => ({ value: m, label: MEASUREMENT_LABELS[m] }))}
          required
          error={errors.measurement?.message}
          {...register('measurement')}
        />
      </div>
      <TextareaField label="Objective (optional)" error={errors.objective?.message} {...register('objective')} />
      <CriterionFields register={register} errors={errors} optional={kind === 'behavior'} />
      <fieldset className="fieldset">
        <legend className="fieldset-legend">Targets</legend>
        {fields.length === 0 && <p className="muted">No targets yet. You can add them later too.</p>}
        <ol className="contact-list">
          {fields.map((field, index) => (
            <li key={field.id} className="contact-row contact-row-2" aria-label={`Target ${index + 1}`}>
              <TextField
                label={`Target ${index + 1}`}
                autoComplete="off"
                required
                error={errors.targets?.[index]?.name?.message}
                {...register(`targets.${index}.name`)}
              />
              <TextField
                label="Definition (optional)"
                autoComplete="off"
                error={errors.targets?.[index]?.definition?.message}
                {...register(`targets.${index}.definition`)}
              />
              <Button variant="ghost" size="sm" className="contact-remove" onClick={() => remove(index)}>
                Remove <span className="visually-hidden">target {index + 1}</span>
              </Button>
            </li>
          ))}
        </ol>
        <div>
          <Button variant="secondary" size="sm" onClick={() => append({ name: '', definition: '' })}>
            Add target
          </Button>
        </div>
      </fieldset>
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          Create program
        </Button>
      </div>
    </form>
  );
}
