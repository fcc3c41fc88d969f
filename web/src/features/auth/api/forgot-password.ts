import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../lib/api-client';

export const forgotPasswordSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').pipe(z.email('Enter a valid email address')),
});

export type ForgotPasswordForm = z.infer<typeof forgotPasswordSchema>;

/**
 * `POST /api/auth/forgot-password`: always 202 with the same answer, whether or not the email has an account;
 * the account's owner gets a link by mail.
 */
export async function forgotPassword(request: ForgotPasswordForm): Promise<void> {
  await apiFetch<unknown>('/api/auth/forgot-password', { method: 'POST', body: request, anonymous: true });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
