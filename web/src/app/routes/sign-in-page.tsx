import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert } from '../../components/ui/alert';
import { FullPageStatus } from '../../components/ui/full-page-status';
import { DemoLoginList } from '../../features/auth/components/demo-logins';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { useAuth } from '../../lib/auth';
import { HOME_PATHS } from '../role-home';
import { AuthLayout } from './auth-layout';

export function SignInPage() {
  const { status, user, unreachable, idleMinutes } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const registeredEmail = (location.state as { registeredEmail?: string } | null)?.registeredEmail;
  const [picked, setPicked] = useState<{ email: string; password: string }>();

  if (status === 'restoring') return <FullPageStatus>Loading SPARKTherapy…</FullPageStatus>;
  if (status === 'signed-in' && user) return <Navigate to={HOME_PATHS[user.role]} replace />;
  if (status === 'offline') return <Navigate to="/" replace />;

  return (
    <AuthLayout
      title="Sign in"
      footer={
        <>
          <p>
            <Link to="/forgot-password">Forgot password?</Link>
          </p>
          <p>
            New parent at the clinic? <Link to="/register">Create a parent account</Link>
          </p>
        </>
      }
    >
      {registeredEmail && <Alert tone="success">Your account was created. Sign in with {registeredEmail}.</Alert>}
      {idleMinutes !== undefined && (
        <Alert tone="info" title="Signed out">
          You were signed out after {idleMinutes} {idleMinutes === 1 ? 'minute' : 'minutes'} without activity. Anything
          recorded on this device is kept and sent after you sign in again.
        </Alert>
      )}
      {unreachable && (
        <Alert tone="info" title="You’re offline">
          SPARKTherapy could not reach the server. Signing in needs the network; anything recorded on this device is
          kept and sent after you sign in.
        </Alert>
      )}
      <SignInForm
        key={picked?.email}
        defaultEmail={picked?.email ?? registeredEmail}
        defaultPassword={picked?.password}
        onSignedIn={(signedIn) => navigate(HOME_PATHS[signedIn.role], { replace: true })}
      />
      <DemoLoginList onPick={(email, password) => setPicked({ email, password })} />
    </AuthLayout>
  );
}
