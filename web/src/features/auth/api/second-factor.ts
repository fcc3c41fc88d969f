import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { TokenResponse } from '../../../lib/api-types';
import { WEB_CLIENT_HEADERS } from '../../../lib/auth-session';

// Hand-written until the API types are regenerated (ADR 0038).

/** What `POST /api/auth/login` answers instead of tokens when a second factor is needed or must be set up. */
export interface SecondFactorChallenge {
  secondFactorRequired: boolean;
  enrollmentRequired: boolean;
  challengeToken: string;
  methods: ('totp' | 'recovery_code')[];
  expiresIn: number;
}

/** A QR code's module matrix: one string of 0/1 per row, dark = 1, without the quiet zone. */
export interface QrMatrix {
  size: number;
  rows: string[];
}

export interface Enrollment {
  /** The secret in base32, for typing into an app by hand. */
  secret: string;
  otpauthUri: string;
  qr: QrMatrix;
}

export interface SecondFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** The clinic requires it for this person's role: it cannot be turned off. */
  required: boolean;
}

export type EnrolledTokenResponse = TokenResponse & { recoveryCodes: string[] };

export function isChallenge(answer: TokenResponse | SecondFactorChallenge): answer is SecondFactorChallenge {
  return 'challengeToken' in answer;
}

/** The second step of a sign-in: a code from the app, or a recovery code. */
export async function loginWithSecondFactor(request: {
  challengeToken: string;
  code?: string;
  recoveryCode?: string;
}): Promise<TokenResponse> {
  return apiFetch<TokenResponse>('/api/auth/login/second-factor', {
    method: 'POST',
    body: request,
    headers: { ...WEB_CLIENT_HEADERS },
    anonymous: true,
  });
}

export async function startSignInEnrollment(challengeToken: string): Promise<Enrollment> {
  return apiFetch<Enrollment>('/api/auth/login/enrollment', {
    method: 'POST',
    body: { challengeToken },
    anonymous: true,
  });
}

export async function confirmSignInEnrollment(request: {
  challengeToken: string;
  code: string;
}): Promise<EnrolledTokenResponse> {
  return apiFetch<EnrolledTokenResponse>('/api/auth/login/enrollment/confirm', {
    method: 'POST',
    body: request,
    headers: { ...WEB_CLIENT_HEADERS },
    anonymous: true,
  });
}

export const secondFactorQueryKey = ['auth', 'second-factor'] as const;

export function useSecondFactor() {
  return useQuery({
    queryKey: secondFactorQueryKey,
    queryFn: ({ signal }) => apiFetch<SecondFactorStatus>('/api/auth/second-factor', { signal }),
  });
}

export async function startEnrollment(): Promise<Enrollment> {
  return apiFetch<Enrollment>('/api/auth/second-factor/enrollment', { method: 'POST', body: {} });
}

export async function confirmEnrollment(code: string): Promise<string[]> {
  const answer = await apiFetch<{ recoveryCodes: string[] }>('/api/auth/second-factor/enrollment/confirm', {
    method: 'POST',
    body: { code },
  });
  return answer.recoveryCodes;
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) =>
      (
        await apiFetch<{ recoveryCodes: string[] }>('/api/auth/second-factor/recovery-codes', {
          method: 'POST',
          body: { code },
        })
      ).recoveryCodes,
    onSettled: () => queryClient.invalidateQueries({ queryKey: secondFactorQueryKey }),
  });
}

export function useDisableSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { password: string; code: string }) =>
      apiFetch<unknown>('/api/auth/second-factor/disable', { method: 'POST', body: request }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: secondFactorQueryKey }),
  });
}
