import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { tokenFromHash } from '../../features/auth/api/reset-password';
import { ResetPasswordForm } from '../../features/auth/components/reset-password-form';
import { AuthLayout } from './auth-layout';

/**
 * The page a reset mail links to: `/reset-password#token=…`. The token lives in the fragment, which browsers never
 * send to a server; it is read once and then taken out of the address bar and history.
 */
export function ResetPasswordPage() {
  const [token] = useState(() => tokenFromHash(window.location.hash));
  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    }
  }, []);
  return (
    <AuthLayout
      title="Choose a new password"
      footer={
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      }
    >
      <ResetPasswordForm token={token} />
    </AuthLayout>
  );
}
