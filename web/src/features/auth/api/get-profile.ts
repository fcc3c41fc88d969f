import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { User } from '../../../lib/api-types';

export const profileQueryKey = ['auth', 'profile'] as const;

/** `GET /api/auth/profile`: the signed-in user. */
export async function getProfile(signal?: AbortSignal): Promise<User> {
  return apiFetch<User>('/api/auth/profile', { signal });
}

export function useProfile() {
  return useQuery({ queryKey: profileQueryKey, queryFn: ({ signal }) => getProfile(signal) });
}
