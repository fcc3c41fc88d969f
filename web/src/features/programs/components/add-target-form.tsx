import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { TextField } from '../../../components/ui/text-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useAddTarget } from '../api/add-target';
import { targetDraftSchema, type TargetDraft } from '../api/program-schema';

const TARGET_FIELDS = ['name', 'definition'] as const;

/** Adds a target at the end of the list; it starts in baseline. */
export function AddTargetForm({ programId, onAdded }: { programId: string; onAdded: (name: string) => void }) {
  const add = useAddTarget(programId);
  const {
    register,
    handleSubmit,
    reset,
    setFocus,
    setError,
    formState: { errors },
  } = useForm<TargetDraft>({ resolver: zodResolver(targetDraftSchema), defaultValues: { name: '', definition: '' } });

  const onSubmit = handleSubmit((values) => {
    add.mutate(
      { name: values.name, definition: values.definition || undefined },
      {
        onSuccess: (target) => {
          reset();
          setFocus('name');
          onAdded(target.name);
        },
        onError: (error) => applyServerFieldErrors(error, TARGET_FIELDS, setError),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form add-target" aria-labelledby="add-target-heading">
      <h3 id="add-target-heading" className="subsection-title">
        Add a target
      </h3>
      <FormErrorAlert error={add.error} fields={TARGET_FIELDS} />
      <div className="form-grid">
        <TextField label="Target name" autoComplete="off" required error={errors.name?.message} {...register('name')} />
        <TextField
          label="Definition (optional)"
          autoComplete="off"
          error={errors.definition?.message}
          {...register('definition')}
        />
      </div>
      <div>
        <Button type="submit" variant="secondary" pending={add.isPending}>
          Add target
        </Button>
      </div>
    </form>
  );
}
