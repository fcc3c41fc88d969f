import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/ui/alert';
import { RegisterForm } from '../../features/auth/components/register-form';
import { AuthLayout } from './auth-layout';

/**
 * Asks for a parent account. The answer is the same whether or not the address has an account: the next step is
 * always the mailbox (ADR 0039).
 */
export function RegisterPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  return (
    <AuthLayout
      title={sentTo ? 'Check your e-mail' : 'Create a parent account'}
      footer={
        <p>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      }
    >
      {sentTo ? (
        <Alert tone="success" title="One more step">
          <p>
            If <strong>{sentTo}</strong> can be used, a link to confirm it is on its way. Open it within 24 hours and
            enter the password you just chose: your account opens then, not before.
          </p>
          <p>
            No mail after a few minutes? Check your spam folder.{' '}
            <button type="button" className="link-button" onClick={() => setSentTo(null)}>
              Use another address
            </button>
          </p>
        </Alert>
      ) : (
        <>
          <p className="muted">Clinic staff accounts are created by the clinic’s administrator.</p>
          <RegisterForm onRegistered={setSentTo} />
        </>
      )}
    </AuthLayout>
  );
}
