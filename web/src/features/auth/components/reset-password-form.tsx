import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-error';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { PASSWORD_HINT } from '../../../lib/password-rule';
import {
  INVALID_RESET_TOKEN,
  resetPasswordSchema,
  useResetPassword,
  type ResetPasswordForm as Values,
} from '../api/reset-password';

const EMPTY: Values = { password: '', confirmPassword: '' };

const RESET_FIELDS = ['password'] as const;

/** Chooses a new password with the token of a reset link (null when the link carried none). */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const reset = useResetPassword();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(resetPasswordSchema), defaultValues: EMPTY });

  const badLink = token === null || (reset.error instanceof ApiError && reset.error.type === INVALID_RESET_TOKEN);

  if (reset.isSuccess) {
    return (
      <Alert tone="success" title="Your password was changed">
        You were signed out everywhere. <Link to="/sign-in">Sign in with your new password</Link>.
      </Alert>
    );
  }
  if (badLink) {
    return (
      <Alert title="This link does not work">
        The password-reset link is invalid, expired or already used.{' '}
        <Link to="/forgot-password">Ask for a new link</Link>.
      </Alert>
    );
  }

  const onSubmit = handleSubmit((values) => {
    reset.mutate(
      { token: token ?? '', password: values.password },
      { onError: (error) => applyServerFieldErrors(error, RESET_FIELDS, setError) },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Choose a new password">
      <FormErrorAlert error={reset.error} fields={RESET_FIELDS} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint={PASSWORD_HINT}
        error={errors.password?.message}
        {...register('password')}
      />
      <TextField
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword?.message}
        {...register('confirmPassword')}
      />
      <Button type="submit" pending={reset.isPending} className="btn-block">
        {reset.isPending ? 'Saving…' : 'Set new password'}
      </Button>
    </form>
  );
}
