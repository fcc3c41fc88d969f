import { Link } from 'react-router-dom';
import { ForgotPasswordForm } from '../../features/auth/components/forgot-password-form';
import { AuthLayout } from './auth-layout';

export function ForgotPasswordPage() {
  return (
    <AuthLayout
      title="Forgot your password?"
      footer={
        <p>
          Remembered it? <Link to="/sign-in">Sign in</Link>
        </p>
      }
    >
      <ForgotPasswordForm />
    </AuthLayout>
  );
}
