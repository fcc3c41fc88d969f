import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import type { User } from '../../../lib/api-types';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { nameSchema, useUpdateProfile, type NameForm } from '../api/update-profile';

const NAME_FIELDS = ['name'] as const;

export function ProfileNameForm({ user }: { user: User }) {
  const update = useUpdateProfile();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isDirty },
    reset,
  } = useForm<NameForm>({ resolver: zodResolver(nameSchema), values: { name: user.name } });

  const onSubmit = handleSubmit((values) => {
    update.mutate(
      { name: values.name },
      {
        onSuccess: (saved) => reset({ name: saved.name }),
        onError: (error) => applyServerFieldErrors(error, NAME_FIELDS, setError),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="profile-name-heading">
      <h2 id="profile-name-heading" className="section-title">
        Your details
      </h2>
      {update.isSuccess && !isDirty && <Alert tone="success">Your name was saved.</Alert>}
      <FormErrorAlert error={update.error} fields={NAME_FIELDS} />
      <TextField label="Name" autoComplete="name" required error={errors.name?.message} {...register('name')} />
      <TextField
        label="Email"
        type="email"
        value={user.email}
        readOnly
        hint="Ask an administrator to change your email address."
      />
      <div>
        <Button type="submit" pending={update.isPending}>
          Save name
        </Button>
      </div>
    </form>
  );
}
