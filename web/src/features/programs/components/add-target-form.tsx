import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { useAddTarget } from '../api/add-target';
import { targetDraftSchema, type TargetDraft } from '../api/program-schema';

/** Adds a target at the end of the list; it starts in baseline. */
export function AddTargetForm({ programId, onAdded }: { programId: string; onAdded: (name: string) => void }) {
  const add = useAddTarget(programId);
  const {
    register,
    handleSubmit,
    reset,
    setFocus,
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
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form add-target" aria-labelledby="add-target-heading">
      <h3 id="add-target-heading" className="subsection-title">
        Add a target
      </h3>
      {add.isError && <Alert>{errorMessage(add.error)}</Alert>}
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
