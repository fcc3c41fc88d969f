import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ApiError, errorMessage } from '../../../lib/api-error';
import type { Enrollment } from '../api/second-factor';
import { QrCode } from './qr-code';

/** The secret in groups of four, easier to read and type. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/** Keeps the digits of a typed code ("123 456" → "123456"). */
export function digitsOf(code: string): string {
  return code.replace(/\D/g, '');
}

/** The sentence for a refused code; a wrong code points at the field. */
export function codeErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return `Too many wrong codes, try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
  }
  if (error instanceof ApiError && error.type.endsWith('/invalid-second-factor-code')) {
    return 'That code is not right, or was already used. Wait for the next code and try again.';
  }
  return errorMessage(error);
}

/**
 * Setting up an authenticator app: the QR code and the key to type, then a first code. Used on the profile and, for
 * people the clinic requires to have a second factor, at sign-in. `startKey` names one set-up: the secret is made
 * once per key, so a re-render never replaces the secret the person is scanning.
 */
export function EnrollSecondFactor<T>({
  startKey,
  start,
  confirm,
  onConfirmed,
  onCancel,
}: {
  startKey: string;
  start: () => Promise<Enrollment>;
  confirm: (code: string) => Promise<T>;
  onConfirmed: (result: T) => void;
  onCancel?: () => void;
}) {
  const enrollment = useQuery({
    queryKey: ['second-factor-enrollment', startKey],
    queryFn: start,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const digits = digitsOf(code);
    if (digits.length !== 6) {
      setFieldError('Enter the 6-digit code from your app');
      return;
    }
    setFieldError(undefined);
    setError(null);
    setPending(true);
    try {
      onConfirmed(await confirm(digits));
    } catch (failed) {
      if (failed instanceof ApiError && failed.type.endsWith('/invalid-second-factor-code')) {
        setFieldError(codeErrorMessage(failed));
      } else {
        setError(failed);
      }
    } finally {
      setPending(false);
    }
  };

  if (enrollment.isPending) {
    return (
      <p className="muted" role="status">
        Preparing your set-up…
      </p>
    );
  }
  if (enrollment.isError) return <Alert>{errorMessage(enrollment.error)}</Alert>;

  return (
    <form className="form enroll-second-factor" onSubmit={(event) => void submit(event)} noValidate>
      <ol className="enroll-steps">
        <li>
          <p>
            Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator,
            1Password or Aegis) and scan this code.
          </p>
          <QrCode qr={enrollment.data.qr} label="QR code to add SPARKTherapy to your authenticator app" />
          <p className="secret-key-line">
            Can’t scan it? Enter this key in the app instead:{' '}
            <code className="secret-key" aria-label={`Key: ${enrollment.data.secret.split('').join(' ')}`}>
              {grouped(enrollment.data.secret)}
            </code>
          </p>
        </li>
        <li>
          <TextField
            label="6-digit code from the app"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={9}
            required
            value={code}
            error={fieldError}
            onChange={(event) => setCode(event.target.value)}
          />
        </li>
      </ol>
      {error !== null && <Alert>{codeErrorMessage(error)}</Alert>}
      <div className="button-row">
        <Button type="submit" pending={pending}>
          Turn on two-step sign-in
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
