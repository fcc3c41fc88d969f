import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ApiError, errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/dates';
import {
  confirmEnrollment,
  secondFactorQueryKey,
  startEnrollment,
  useDisableSecondFactor,
  useRegenerateRecoveryCodes,
  useSecondFactor,
} from '../api/second-factor';
import { codeErrorMessage, digitsOf, EnrollSecondFactor } from './enroll-second-factor';
import { RecoveryCodes } from './recovery-codes';

/** "Two-step sign-in" on the profile: turn it on, get new recovery codes, turn it off (ADR 0038). */
export function TwoStepSection() {
  const status = useSecondFactor();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'idle' | 'enrolling' | 'new-codes' | 'turning-off'>('idle');
  const [attempt, setAttempt] = useState(0);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: secondFactorQueryKey });

  return (
    <section className="panel two-step" aria-labelledby="two-step-heading">
      <h2 id="two-step-heading" className="section-title">
        Two-step sign-in
      </h2>
      <div aria-live="polite">{notice && <Alert tone="success">{notice}</Alert>}</div>
      {status.isPending ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : status.isError ? (
        <Alert>{errorMessage(status.error)}</Alert>
      ) : codes ? (
        <RecoveryCodes codes={codes}>
          <div>
            <Button onClick={() => setCodes(null)}>I saved my codes</Button>
          </div>
        </RecoveryCodes>
      ) : !status.data.enabled ? (
        mode === 'enrolling' ? (
          <EnrollSecondFactor
            startKey={`profile-${attempt}`}
            start={startEnrollment}
            confirm={confirmEnrollment}
            onConfirmed={(recoveryCodes) => {
              setCodes(recoveryCodes);
              setMode('idle');
              setNotice('Two-step sign-in is on.');
              void refresh();
            }}
            onCancel={() => setMode('idle')}
          />
        ) : (
          <>
            <p>
              Off. With two-step sign-in, signing in needs a code from an authenticator app on your phone as well as
              your password, so a stolen password alone does not open your account.
            </p>
            {status.data.required && <Alert tone="info">The clinic requires two-step sign-in for your role.</Alert>}
            <div>
              <Button
                onClick={() => {
                  setNotice(null);
                  setAttempt((n) => n + 1);
                  setMode('enrolling');
                }}
              >
                Turn on two-step sign-in
              </Button>
            </div>
          </>
        )
      ) : (
        <>
          <p>
            <strong>On</strong>
            {status.data.enabledAt && <> since {formatDateTime(status.data.enabledAt)}</>}. Signing in asks for a code
            from your authenticator app. {status.data.recoveryCodesLeft} of 10 recovery codes left.
          </p>
          {status.data.required && (
            <p className="muted">The clinic requires two-step sign-in for your role, so it cannot be turned off.</p>
          )}
          {mode === 'new-codes' ? (
            <CodeForm
              key="new-codes"
              submitLabel="Get new recovery codes"
              explanation="Your old recovery codes stop working. Enter a code from your app to confirm."
              onCancel={() => setMode('idle')}
              onDone={(recoveryCodes) => {
                setCodes(recoveryCodes ?? null);
                setMode('idle');
              }}
              kind="new-codes"
            />
          ) : mode === 'turning-off' ? (
            <CodeForm
              key="turn-off"
              submitLabel="Turn off two-step sign-in"
              explanation="Enter your password and a code from your app."
              onCancel={() => setMode('idle')}
              onDone={() => {
                setMode('idle');
                setNotice('Two-step sign-in is off.');
              }}
              kind="turn-off"
            />
          ) : (
            <div className="button-row">
              <Button
                variant="secondary"
                onClick={() => {
                  setNotice(null);
                  setMode('new-codes');
                }}
              >
                New recovery codes
              </Button>
              {!status.data.required && (
                <Button
                  variant="danger"
                  onClick={() => {
                    setNotice(null);
                    setMode('turning-off');
                  }}
                >
                  Turn off
                </Button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

function CodeForm({
  kind,
  submitLabel,
  explanation,
  onCancel,
  onDone,
}: {
  kind: 'new-codes' | 'turn-off';
  submitLabel: string;
  explanation: string;
  onCancel: () => void;
  onDone: (codes?: string[]) => void;
}) {
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableSecondFactor();
  const mutation = kind === 'new-codes' ? regenerate : disable;
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ password?: string; code?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = digitsOf(code);
    const next: typeof errors = {};
    if (kind === 'turn-off' && !password) next.password = 'Enter your password';
    if (digits.length !== 6) next.code = 'Enter the 6-digit code from your app';
    setErrors(next);
    if (next.password || next.code) return;
    const onError = (error: unknown) => {
      if (error instanceof ApiError && error.type.endsWith('/invalid-second-factor-code')) {
        setErrors({ code: codeErrorMessage(error) });
      } else if (error instanceof ApiError && error.errors.some((e) => e.pointer === '/password')) {
        setErrors({ password: 'This is not your password' });
      }
    };
    if (kind === 'new-codes') regenerate.mutate(digits, { onSuccess: (codes) => onDone(codes), onError });
    else disable.mutate({ password, code: digits }, { onSuccess: () => onDone(), onError });
  };

  const shownError =
    mutation.error instanceof ApiError &&
    !mutation.error.type.endsWith('/invalid-second-factor-code') &&
    !mutation.error.errors.some((e) => e.pointer === '/password')
      ? codeErrorMessage(mutation.error)
      : null;

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={submitLabel}>
      <p>{explanation}</p>
      {shownError && <Alert>{shownError}</Alert>}
      {kind === 'turn-off' && (
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          error={errors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
      )}
      <TextField
        label="6-digit code from the app"
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={9}
        required
        value={code}
        error={errors.code}
        onChange={(event) => setCode(event.target.value)}
      />
      <div className="button-row">
        <Button type="submit" variant={kind === 'turn-off' ? 'danger' : 'primary'} pending={mutation.isPending}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
