import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../lib/api-client';
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

/** The answer to a registration request: the same whatever the address (ADR 0039). */
export interface RegistrationResponse {
  detail: string;
}

/**
 * `POST /api/auth/register`: asks for a parent account. Always 202 with the same body; the address receives a link
 * that opens the account (no account exists before). 429 with Retry-After over the limits.
 */
export async function register(request: RegisterRequest): Promise<RegistrationResponse> {
  return apiFetch<RegistrationResponse>('/api/auth/register', { method: 'POST', body: request, anonymous: true });
}

export function useRegister() {
  return useMutation({ mutationFn: register });
}
