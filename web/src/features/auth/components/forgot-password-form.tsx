import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { forgotPasswordSchema, useForgotPassword, type ForgotPasswordForm as Values } from '../api/forgot-password';

/** Asks for a reset link. The confirmation is the same whether or not the email has an account. */
export function ForgotPasswordForm() {
  const forgot = useForgotPassword();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: '' } });

  if (forgot.isSuccess) {
    return (
      <Alert tone="success" title="Check your email">
        If an account uses this email, a link to choose a new password is on its way. The link works once, for one hour.
        No mail? Check your spam folder, or ask again in a few minutes.
      </Alert>
    );
  }

  return (
    <form
      onSubmit={handleSubmit((values) => forgot.mutate(values))}
      noValidate
      className="form"
      aria-label="Forgot password"
    >
      <p>Enter the email you sign in with. We’ll send you a link to choose a new password.</p>
      {forgot.isError && <Alert>{errorMessage(forgot.error)}</Alert>}
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        inputMode="email"
        required
        error={errors.email?.message}
        {...register('email')}
      />
      <Button type="submit" pending={forgot.isPending} className="btn-block">
        {forgot.isPending ? 'Sending…' : 'Send reset link'}
      </Button>
    </form>
  );
}
