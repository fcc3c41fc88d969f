import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

// Hand-written until the API types are regenerated (ADR 0038).

/** A user's two-step sign-in, as an admin sees it. */
export interface UserSecondFactor {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** The clinic requires it for this user's role. */
  required: boolean;
}

/** Who the clinic's second-factor rule can name: admins, parents, and therapists by credential. */
export type SecondFactorGroup = 'admin' | 'bcba' | 'bcaba' | 'rbt' | 'other-therapist' | 'parent';

export interface SecuritySettings {
  secondFactorRequiredFor: SecondFactorGroup[];
}

/** `GET /api/users/{id}/second-factor`. */
export function useUserSecondFactor(userId: string) {
  return useQuery({
    queryKey: ['users', userId, 'second-factor'],
    queryFn: ({ signal }) =>
      apiFetch<UserSecondFactor>(`/api/users/${encodeURIComponent(userId)}/second-factor`, { signal }),
  });
}

/** `DELETE /api/users/{id}/second-factor`: removes it and ends all the user's sign-ins (audited). */
export function useResetUserSecondFactor(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<unknown>(`/api/users/${encodeURIComponent(userId)}/second-factor`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['users', userId, 'second-factor'] }),
  });
}

const securitySettingsKey = ['security-settings'] as const;

export function useSecuritySettings() {
  return useQuery({
    queryKey: securitySettingsKey,
    queryFn: ({ signal }) => apiFetch<SecuritySettings>('/api/security-settings', { signal }),
  });
}

export function useSaveSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: SecuritySettings) =>
      apiFetch<SecuritySettings>('/api/security-settings', { method: 'PUT', body: settings }),
    onSuccess: (saved) => queryClient.setQueryData(securitySettingsKey, saved),
  });
}
