import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ApiError, errorMessage } from '../../../lib/api-error';
import type { User } from '../../../lib/api-types';
import { loginSchema, useLogin, type LoginRequest } from '../api/login';

/** The sentence shown for a failed sign-in; 429 carries how long to wait in Retry-After. */
export function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return `Too many attempts, try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
  }
  if (error instanceof ApiError && error.status === 401) return error.detail || 'Invalid email or password';
  return errorMessage(error);
}

export function SignInForm({
  onSignedIn,
  defaultEmail = '',
  defaultPassword = '',
}: {
  onSignedIn: (user: User) => void;
  defaultEmail?: string;
  defaultPassword?: string;
}) {
  const login = useLogin();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<LoginRequest>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: defaultEmail, password: defaultPassword },
  });

  const onSubmit = handleSubmit((values) => {
    login.mutate(values, { onSuccess: (tokens) => onSignedIn(tokens.user) });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Sign in">
      {login.isError && <Alert>{signInErrorMessage(login.error)}</Alert>}
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        inputMode="email"
        required
        error={errors.email?.message}
        {...register('email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password?.message}
        {...register('password')}
      />
      <Button type="submit" pending={login.isPending} className="btn-block">
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
