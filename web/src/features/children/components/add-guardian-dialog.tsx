import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { TextField } from '../../../components/ui/text-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useAddGuardian } from '../api/add-guardian';
import type { Child } from '../api/child-types';
import { UserPicker } from './user-picker';

/** The fields the server may point at ("/userId": not an active parent account). */
const FIELDS = ['userId', 'relationship'] as const;

const addGuardianSchema = z.object({
  userId: z.string().min(1, 'Choose a parent'),
  relationship: z.string().trim().min(1, 'Enter how they are related to the child'),
  canSign: z.boolean(),
});
type AddGuardianValues = z.infer<typeof addGuardianSchema>;

export function AddGuardianDialog({
  child,
  open,
  onClose,
  onAdded,
}: {
  child: Child;
  open: boolean;
  onClose: () => void;
  onAdded: (name: string) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Add guardian" description="Link a parent account to this child.">
      {open && <AddGuardianForm child={child} onClose={onClose} onAdded={onAdded} />}
    </Dialog>
  );
}

function AddGuardianForm({
  child,
  onClose,
  onAdded,
}: {
  child: Child;
  onClose: () => void;
  onAdded: (name: string) => void;
}) {
  const add = useAddGuardian(child.id);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<AddGuardianValues>({
    resolver: zodResolver(addGuardianSchema),
    defaultValues: { userId: '', relationship: 'parent', canSign: true },
  });

  const submit = handleSubmit((values) =>
    add.mutate(values, {
      onSuccess: (saved) =>
        onAdded(saved.guardians.find((guardian) => guardian.userId === values.userId)?.name ?? 'The guardian'),
      onError: (error) => applyServerFieldErrors(error, FIELDS, setError),
    }),
  );

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Add guardian">
      <FormErrorAlert error={add.error} fields={FIELDS} />
      <Controller
        control={control}
        name="userId"
        render={({ field }) => (
          <UserPicker
            role="parent"
            label="Parent"
            value={field.value}
            onChange={field.onChange}
            excludeIds={child.guardians.map((guardian) => guardian.userId)}
            error={errors.userId?.message}
          />
        )}
      />
      <TextField
        label="Relationship"
        autoComplete="off"
        required
        hint="For example mother, father or legal guardian."
        error={errors.relationship?.message}
        {...register('relationship')}
      />
      <CheckboxField label="Can sign" hint="May co-sign session notes and consent forms." {...register('canSign')} />
      <DialogActions onCancel={onClose} pending={add.isPending} submitLabel="Add guardian" />
    </form>
  );
}
