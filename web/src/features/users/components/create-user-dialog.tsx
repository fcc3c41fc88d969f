import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import type { User } from '../../../lib/api-types';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { PASSWORD_HINT } from '../../../lib/password-rule';
import { useCreateUser } from '../api/create-user';
import { createUserSchema, type CreateUserForm } from '../api/user-schema';
import { UserFields } from './user-fields';

const EMPTY: CreateUserForm = { name: '', email: '', role: 'therapist', credential: '', password: '' };

/** The fields the server may point at ("/email": already in use). */
const CREATE_USER_FIELDS = ['name', 'email', 'role', 'credential', 'password'] as const;

export function CreateUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New user"
      description="The person signs in with this email and initial password."
    >
      {open && <CreateUserForm onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function CreateUserForm({ onClose, onCreated }: { onClose: () => void; onCreated: (user: User) => void }) {
  const create = useCreateUser();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors },
  } = useForm<CreateUserForm>({ resolver: zodResolver(createUserSchema), defaultValues: EMPTY });
  const role = useWatch({ control, name: 'role' });

  const onSubmit = handleSubmit((values) => {
    create.mutate(
      {
        name: values.name,
        email: values.email,
        password: values.password,
        role: values.role,
        credential: values.role === 'therapist' && values.credential ? values.credential : null,
      },
      {
        onSuccess: (user) => onCreated(user),
        onError: (error) => applyServerFieldErrors(error, CREATE_USER_FIELDS, setError),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="New user">
      <FormErrorAlert error={create.error} fields={CREATE_USER_FIELDS} />
      <UserFields register={register} errors={errors} role={role} />
      <TextField
        label="Initial password"
        type="password"
        autoComplete="new-password"
        required
        hint={PASSWORD_HINT}
        error={errors.password?.message}
        {...register('password')}
      />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          Create user
        </Button>
      </div>
    </form>
  );
}
