import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

/** One of the signed-in person's active sign-ins (hand-written until the API types are regenerated). */
export interface ActiveSignIn {
  id: string;
  /** Coarse: browser and system, e.g. "Firefox on Windows". */
  device: string;
  /** The network it started from (IPv4 /24, IPv6 /48), or null. */
  place: string | null;
  startedAt: string;
  lastUsedAt: string;
  /** The sign-in of this very page. */
  current: boolean;
}

export const signInsQueryKey = ['auth', 'sessions'] as const;

/** `GET /api/auth/sessions`: the caller's sign-ins that are not ended, the most recently used first. */
export async function getSignIns(signal?: AbortSignal): Promise<ActiveSignIn[]> {
  return apiFetch<ActiveSignIn[]>('/api/auth/sessions', { signal });
}

export function useSignIns() {
  return useQuery({ queryKey: signInsQueryKey, queryFn: ({ signal }) => getSignIns(signal) });
}

/** `DELETE /api/auth/sessions/{id}`: ends one of the caller's sign-ins; its tokens stop at once. */
export async function endSignIn(id: string): Promise<void> {
  await apiFetch<unknown>(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useEndSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endSignIn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: signInsQueryKey }),
  });
}
