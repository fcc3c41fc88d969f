import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import type { User } from '../../../lib/api-types';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { PASSWORD_HINT } from '../../../lib/password-rule';
import { changePasswordSchema, useUpdateProfile, type ChangePasswordForm as Values } from '../api/update-profile';

const EMPTY: Values = { currentPassword: '', newPassword: '', confirmPassword: '' };

const PASSWORD_FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordForm({ user }: { user: User }) {
  const update = useUpdateProfile();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(changePasswordSchema), defaultValues: EMPTY });

  const onSubmit = handleSubmit((values) => {
    update.mutate(
      { name: user.name, currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => reset(EMPTY),
        onError: (error) => applyServerFieldErrors(error, PASSWORD_FIELDS, setError),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading" className="section-title">
        Change password
      </h2>
      {update.isSuccess && <Alert tone="success">Your password was changed.</Alert>}
      <FormErrorAlert error={update.error} fields={PASSWORD_FIELDS} />
      <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword?.message}
        {...register('currentPassword')}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint={PASSWORD_HINT}
        error={errors.newPassword?.message}
        {...register('newPassword')}
      />
      <TextField
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword?.message}
        {...register('confirmPassword')}
      />
      <div>
        <Button type="submit" pending={update.isPending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
