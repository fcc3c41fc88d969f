import { Link, useNavigate } from 'react-router-dom';
import { RegisterForm } from '../../features/auth/components/register-form';
import { AuthLayout } from './auth-layout';

export function RegisterPage() {
  const navigate = useNavigate();
  return (
    <AuthLayout
      title="Create a parent account"
      footer={
        <p>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      }
    >
      <p className="muted">Clinic staff accounts are created by the clinic’s administrator.</p>
      <RegisterForm onRegistered={(email) => navigate('/sign-in', { state: { registeredEmail: email } })} />
    </AuthLayout>
  );
}
