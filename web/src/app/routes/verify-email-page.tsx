import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { tokenFromLink } from '../../features/auth/api/token-from-link';
import { VerifyEmailForm } from '../../features/auth/components/verify-email-form';
import { HOME_PATHS } from '../role-home';
import { AuthLayout } from './auth-layout';

/**
 * The page a registration mail links to: `/verify-email#token=…` (ADR 0039). The token is read once and taken out of
 * the address bar and history; the account opens with a POST from here, never by merely loading the page.
 */
export function VerifyEmailPage() {
  const navigate = useNavigate();
  const [token] = useState(() => tokenFromLink(window.location));
  useEffect(() => {
    if (window.location.hash || window.location.search) {
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
  }, []);
  return (
    <AuthLayout
      title="Confirm your e-mail address"
      footer={
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      }
    >
      <VerifyEmailForm
        token={token}
        onSignedIn={(user) => navigate(HOME_PATHS[user.role], { replace: true })}
        onSignInNeeded={(email) => navigate('/sign-in', { replace: true, state: { registeredEmail: email } })}
      />
    </AuthLayout>
  );
}
