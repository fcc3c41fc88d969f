import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../lib/api-client';
import { startSession } from '../../../lib/auth-session';
import { login } from './login';
import { isChallenge } from './second-factor';

export const verifyEmailSchema = z.object({
  password: z.string().min(1, 'Enter the password you chose when registering'),
});

export type VerifyEmailForm = z.infer<typeof verifyEmailSchema>;

/** The problem type of an unknown, used or expired verification link. */
export const INVALID_VERIFICATION_TOKEN = 'https://sparktherapy.org/problems/invalid-verification-token';

/**
 * `POST /api/auth/verify-email`: opens the registered account with the link's token and the password chosen when
 * registering; answers the address to sign in with.
 */
export async function verifyEmail(request: { token: string; password: string }): Promise<{ email: string }> {
  return apiFetch<{ email: string }>('/api/auth/verify-email', { method: 'POST', body: request, anonymous: true });
}

/** Verifies the address, then signs in with it and the same password. */
export function useVerifyEmail() {
  return useMutation({
    mutationFn: async (request: { token: string; password: string }) => {
      const { email } = await verifyEmail(request);
      return { email, answer: await login({ email, password: request.password }) };
    },
    // someone who must use a second factor (ADR 0038) finishes signing in on the sign-in page
    onSuccess: ({ answer }) => {
      if (!isChallenge(answer)) startSession(answer);
    },
  });
}
