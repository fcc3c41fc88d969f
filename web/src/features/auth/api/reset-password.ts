import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../lib/api-client';
import { passwordSchema } from '../../../lib/password-rule';

export const resetPasswordSchema = z
  .object({
    password: passwordSchema,
    confirmPassword: z.string().min(1, 'Repeat the password'),
  })
  .refine((values) => values.password === values.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match',
  });

export type ResetPasswordForm = z.infer<typeof resetPasswordSchema>;

/** The problem type of an unknown, used or expired link. */
export const INVALID_RESET_TOKEN = 'https://sparktherapy.org/problems/invalid-reset-token';

/** `POST /api/auth/reset-password`: sets the password with the link's token; every sign-in of the account ends. */
export async function resetPassword(request: { token: string; password: string }): Promise<void> {
  await apiFetch<void>('/api/auth/reset-password', { method: 'POST', body: request, anonymous: true });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}

/** The token from a reset link's fragment (`#token=…`), which never reaches a server. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() ? token.trim() : null;
}
