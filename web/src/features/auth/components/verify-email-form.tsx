import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-error';
import type { User } from '../../../lib/api-types';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { isChallenge } from '../api/second-factor';
import {
  INVALID_VERIFICATION_TOKEN,
  useVerifyEmail,
  verifyEmailSchema,
  type VerifyEmailForm as Values,
} from '../api/verify-email';

const VERIFY_FIELDS = ['password'] as const;

/**
 * Confirms a registration with the token of its link (null when the link carried none) and the password chosen when
 * registering — so a link mailed after someone else's request for the address opens nothing — then signs in.
 */
export function VerifyEmailForm({
  token,
  onSignedIn,
  onSignInNeeded,
}: {
  token: string | null;
  onSignedIn: (user: User) => void;
  /** the account is open but must finish signing in with a second factor (ADR 0038) */
  onSignInNeeded: (email: string) => void;
}) {
  const verify = useVerifyEmail();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(verifyEmailSchema), defaultValues: { password: '' } });

  if (token === null || (verify.error instanceof ApiError && verify.error.type === INVALID_VERIFICATION_TOKEN)) {
    return (
      <Alert title="This link does not work">
        The verification link is invalid, expired or already used. <Link to="/register">Register again</Link> to get a
        new one, or <Link to="/sign-in">sign in</Link> if your account is open.
      </Alert>
    );
  }

  const onSubmit = handleSubmit((values) => {
    verify.mutate(
      { token, password: values.password },
      {
        onSuccess: ({ email, answer }) => (isChallenge(answer) ? onSignInNeeded(email) : onSignedIn(answer.user)),
        onError: (error) => applyServerFieldErrors(error, VERIFY_FIELDS, setError),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Confirm your e-mail address">
      <p>Enter the password you chose when you registered. Your account opens and you are signed in.</p>
      <FormErrorAlert error={verify.error} fields={VERIFY_FIELDS} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password?.message}
        {...register('password')}
      />
      <Button type="submit" pending={verify.isPending} className="btn-block">
        {verify.isPending ? 'Opening your account…' : 'Confirm and sign in'}
      </Button>
    </form>
  );
}
