import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import { ApiError, errorMessage } from '../../../lib/api-error';
import type { User } from '../../../lib/api-types';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { PASSWORD_HINT } from '../../../lib/password-rule';
import { useCreateUser } from '../api/create-user';
import { createUserSchema, type CreateUserForm } from '../api/user-schema';
import { UserFields } from './user-fields';

const EMPTY: CreateUserForm = { name: '', email: '', role: 'therapist', credential: '', password: '' };

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
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) {
            setError('email', { type: 'server', message: error.detail }, { shouldFocus: true });
            return;
          }
          applyServerFieldErrors(error, ['name', 'email', 'role', 'credential', 'password'], setError);
        },
      },
    );
  });

  const fieldErrorsShown =
    create.error instanceof ApiError && (create.error.status === 409 || create.error.errors.length > 0);

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="New user">
      {create.isError && !fieldErrorsShown && <Alert>{errorMessage(create.error)}</Alert>}
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
