import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { PASSWORD_HINT } from '../../../lib/password-rule';
import { registerSchema, useRegister, type RegisterForm as RegisterValues } from '../api/register';

const REGISTER_FIELDS = ['name', 'email', 'password'] as const;

export function RegisterForm({ onRegistered }: { onRegistered: (email: string) => void }) {
  const registration = useRegister();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<RegisterValues>({
    resolver: zodResolver(registerSchema),
    defaultValues: { name: '', email: '', password: '', confirmPassword: '' },
  });

  const onSubmit = handleSubmit((values) => {
    registration.mutate(
      { name: values.name, email: values.email, password: values.password, role: 'parent' },
      {
        onSuccess: () => onRegistered(values.email),
        onError: (error) => applyServerFieldErrors(error, REGISTER_FIELDS, setError),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Create a parent account">
      <FormErrorAlert error={registration.error} fields={REGISTER_FIELDS} />
      <TextField label="Your name" autoComplete="name" required error={errors.name?.message} {...register('name')} />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        error={errors.email?.message}
        {...register('email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={PASSWORD_HINT}
        error={errors.password?.message}
        {...register('password')}
      />
      <TextField
        label="Repeat password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword?.message}
        {...register('confirmPassword')}
      />
      <Button type="submit" pending={registration.isPending} className="btn-block">
        Create account
      </Button>
    </form>
  );
}
