import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { tokenFromLink } from '../../features/auth/api/token-from-link';
import { AcceptInvitationForm } from '../../features/auth/components/accept-invitation-form';
import { HOME_PATHS } from '../role-home';
import { AuthLayout } from './auth-layout';

/** The page an invitation mail links to: `/accept-invitation#token=…` (ADR 0039). */
export function AcceptInvitationPage() {
  const navigate = useNavigate();
  const [token] = useState(() => tokenFromLink(window.location));
  useEffect(() => {
    if (window.location.hash || window.location.search) {
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
  }, []);
  return (
    <AuthLayout
      title="Your invitation"
      footer={
        <p>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      }
    >
      <AcceptInvitationForm
        token={token}
        onSignedIn={(user) => navigate(HOME_PATHS[user.role], { replace: true })}
        onSignInNeeded={(email) => navigate('/sign-in', { replace: true, state: { registeredEmail: email } })}
      />
    </AuthLayout>
  );
}
