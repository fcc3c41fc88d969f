import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../lib/api-client';
import type { User } from '../../../lib/api-types';
import { passwordSchema } from '../../../lib/password-rule';

export const registerSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter your name').max(200, 'Use at most 200 characters'),
    email: z.string().trim().min(1, 'Enter your email address').pipe(z.email('Enter a valid email address')),
    password: passwordSchema,
    confirmPassword: z.string().min(1, 'Repeat the password'),
  })
  .refine((values) => values.password === values.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match',
  });

export type RegisterForm = z.infer<typeof registerSchema>;

export interface RegisterRequest {
  name: string;
  email: string;
  password: string;
  role: 'parent';
}

/** `POST /api/auth/register`: public self-registration, for parents only. */
export async function register(request: RegisterRequest): Promise<User> {
  return apiFetch<User>('/api/auth/register', { method: 'POST', body: request, anonymous: true });
}

export function useRegister() {
  return useMutation({ mutationFn: register });
}
