import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-error';
import type { TokenResponse } from '../../../lib/api-types';
import { loginWithSecondFactor, type SecondFactorChallenge } from '../api/second-factor';
import { codeErrorMessage, digitsOf } from './enroll-second-factor';

/**
 * The second step of a sign-in: a code from the authenticator app, or one of the recovery codes. A used-up or
 * expired step sends the person back to their password.
 */
export function SecondFactorStep({
  challenge,
  onSignedIn,
  onRestart,
}: {
  challenge: SecondFactorChallenge;
  onSignedIn: (tokens: TokenResponse) => void;
  onRestart: () => void;
}) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const expired = error instanceof ApiError && error.type.endsWith('/invalid-second-factor-challenge');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = useRecovery ? value.trim() : digitsOf(value);
    if (useRecovery ? typed.length < 10 : typed.length !== 6) {
      setFieldError(useRecovery ? 'Enter one of your recovery codes' : 'Enter the 6-digit code from your app');
      return;
    }
    setFieldError(undefined);
    setError(null);
    setPending(true);
    try {
      onSignedIn(
        await loginWithSecondFactor(
          useRecovery
            ? { challengeToken: challenge.challengeToken, recoveryCode: typed }
            : { challengeToken: challenge.challengeToken, code: typed },
        ),
      );
    } catch (failed) {
      if (failed instanceof ApiError && failed.type.endsWith('/invalid-second-factor-code')) {
        setFieldError(useRecovery ? 'That recovery code is not right, or was already used.' : codeErrorMessage(failed));
      } else {
        setError(failed);
      }
    } finally {
      setPending(false);
    }
  };

  const switchMethod = () => {
    setUseRecovery((current) => !current);
    setValue('');
    setFieldError(undefined);
  };

  if (expired) {
    return (
      <div className="form">
        <Alert>This sign-in step expired or took too many wrong codes. Sign in again with your password.</Alert>
        <Button onClick={onRestart} className="btn-block">
          Back to sign-in
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="form" aria-labelledby="second-factor-heading">
      <h2 id="second-factor-heading" className="section-title">
        Two-step sign-in
      </h2>
      <p>
        {useRecovery
          ? 'Enter one of the recovery codes you saved when you turned on two-step sign-in. Each code works once.'
          : 'Open your authenticator app and enter the 6-digit code it shows for SPARKTherapy.'}
      </p>
      {error !== null && <Alert>{codeErrorMessage(error)}</Alert>}
      {useRecovery ? (
        <TextField
          key="recovery"
          label="Recovery code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          required
          autoFocus
          value={value}
          error={fieldError}
          onChange={(event) => setValue(event.target.value)}
        />
      ) : (
        <TextField
          key="code"
          label="6-digit code"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={9}
          required
          autoFocus
          value={value}
          error={fieldError}
          onChange={(event) => setValue(event.target.value)}
        />
      )}
      <Button type="submit" pending={pending} className="btn-block">
        {pending ? 'Checking…' : 'Verify and sign in'}
      </Button>
      <div className="button-row">
        <Button variant="ghost" onClick={switchMethod}>
          {useRecovery ? 'Use a code from the app' : 'Use a recovery code'}
        </Button>
        <Button variant="ghost" onClick={onRestart}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
