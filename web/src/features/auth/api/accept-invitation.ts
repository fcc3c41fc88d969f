import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { apiFetch } from '../../../lib/api-client';
import type { Credential, Role } from '../../../lib/api-types';
import { startSession } from '../../../lib/auth-session';
import { passwordSchema } from '../../../lib/password-rule';
import { login } from './login';
import { isChallenge } from './second-factor';

export const acceptInvitationSchema = z
  .object({
    password: passwordSchema,
    confirmPassword: z.string().min(1, 'Repeat the password'),
  })
  .refine((values) => values.password === values.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match',
  });

export type AcceptInvitationForm = z.infer<typeof acceptInvitationSchema>;

/** The problem type of an unknown, used, revoked or expired invitation link. */
export const INVALID_INVITATION_TOKEN = 'https://sparktherapy.org/problems/invalid-invitation-token';

/** What an invitation link invites to (hand-written until the generated types include it: ADR 0026). */
export interface Invitation {
  name: string;
  email: string;
  role: Role;
  credential: Credential | null;
  invitedByName: string;
  clinicName: string;
  expiresAt: string;
}

/** `POST /api/auth/invitation`: who invited whom to which clinic as what (the token stays out of the address). */
export async function getInvitation(token: string): Promise<Invitation> {
  return apiFetch<Invitation>('/api/auth/invitation', { method: 'POST', body: { token }, anonymous: true });
}

export type InvitationLookup =
  { status: 'pending' } | { status: 'success'; invitation: Invitation } | { status: 'error'; error: unknown };

/**
 * Looks the invitation up once. Not a cached query: the app clears the query cache when the (absent) session is found
 * ended at start-up, which would leave a query in flight pending for good.
 */
export function useInvitation(token: string | null): InvitationLookup {
  const [lookup, setLookup] = useState<InvitationLookup>({ status: 'pending' });
  useEffect(() => {
    if (token === null) return;
    let current = true;
    getInvitation(token).then(
      (invitation) => current && setLookup({ status: 'success', invitation }),
      (error: unknown) => current && setLookup({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [token]);
  return lookup;
}

/** `POST /api/auth/accept-invitation`, then signs in with the new password. */
export function useAcceptInvitation() {
  return useMutation({
    mutationFn: async (request: { token: string; password: string }) => {
      const { email } = await apiFetch<{ email: string }>('/api/auth/accept-invitation', {
        method: 'POST',
        body: request,
        anonymous: true,
      });
      return { email, answer: await login({ email, password: request.password }) };
    },
    // someone who must use a second factor (ADR 0038) finishes signing in on the sign-in page
    onSuccess: ({ answer }) => {
      if (!isChallenge(answer)) startSession(answer);
    },
  });
}
