import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ApiError, errorMessage } from '../../../lib/api-error';
import type { TokenResponse, User } from '../../../lib/api-types';
import { startSession } from '../../../lib/auth-session';
import { loginSchema, useLogin, type LoginRequest } from '../api/login';
import {
  confirmSignInEnrollment,
  isChallenge,
  startSignInEnrollment,
  type EnrolledTokenResponse,
  type SecondFactorChallenge,
} from '../api/second-factor';
import { EnrollSecondFactor } from './enroll-second-factor';
import { RecoveryCodes } from './recovery-codes';
import { SecondFactorStep } from './second-factor-step';

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
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(null);
  const [enrolled, setEnrolled] = useState<EnrolledTokenResponse | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<LoginRequest>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: defaultEmail, password: defaultPassword },
  });

  const onSubmit = handleSubmit((values) => {
    login.mutate(values, {
      onSuccess: (answer) => {
        if (isChallenge(answer)) setChallenge(answer);
        else onSignedIn(answer.user);
      },
    });
  });

  const finish = (tokens: TokenResponse) => {
    startSession(tokens);
    onSignedIn(tokens.user);
  };

  const restart = () => {
    setChallenge(null);
    setEnrolled(null);
    login.reset();
  };

  if (enrolled) {
    return (
      <section className="form" aria-labelledby="recovery-codes-heading">
        <Alert tone="success">Two-step sign-in is on.</Alert>
        <RecoveryCodes codes={enrolled.recoveryCodes}>
          <Button className="btn-block" onClick={() => finish(enrolled)}>
            I saved my codes, continue
          </Button>
        </RecoveryCodes>
      </section>
    );
  }

  if (challenge?.secondFactorRequired) {
    return <SecondFactorStep challenge={challenge} onSignedIn={finish} onRestart={restart} />;
  }

  if (challenge?.enrollmentRequired) {
    const token = challenge.challengeToken;
    return (
      <section className="form" aria-labelledby="enroll-heading">
        <h2 id="enroll-heading" className="section-title">
          Set up two-step sign-in
        </h2>
        <p>
          The clinic asks everyone in your role to sign in with a code from an authenticator app as well as the
          password. Set it up now to continue.
        </p>
        <EnrollSecondFactor
          startKey={token}
          start={() => startSignInEnrollment(token)}
          confirm={(code) => confirmSignInEnrollment({ challengeToken: token, code })}
          onConfirmed={setEnrolled}
          onCancel={restart}
        />
      </section>
    );
  }

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
