import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../lib/api-client';
import type { TokenResponse } from '../../../lib/api-types';
import { startSession, WEB_CLIENT_HEADERS } from '../../../lib/auth-session';
import { isChallenge, type SecondFactorChallenge } from './second-factor';

export const loginSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').pipe(z.email('Enter a valid email address')),
  password: z.string().min(1, 'Enter your password'),
});

export type LoginRequest = z.infer<typeof loginSchema>;

/**
 * `POST /api/auth/login` as the web client: the refresh token comes back only as an HttpOnly cookie. A person with a
 * second factor (or who must set one up) gets a challenge instead of tokens (ADR 0038).
 */
export async function login(request: LoginRequest): Promise<TokenResponse | SecondFactorChallenge> {
  return apiFetch<TokenResponse | SecondFactorChallenge>('/api/auth/login', {
    method: 'POST',
    body: request,
    headers: { ...WEB_CLIENT_HEADERS },
    anonymous: true,
  });
}

export function useLogin() {
  return useMutation({
    mutationFn: login,
    onSuccess: (answer) => {
      if (!isChallenge(answer)) startSession(answer);
    },
  });
}
