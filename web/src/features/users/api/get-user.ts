import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { User } from '../../../lib/api-types';
import { usersQueryKey } from './list-users';

/** `GET /api/users/{id}` (admin only). */
export async function getUser(id: string, signal?: AbortSignal): Promise<User> {
  return apiFetch<User>(`/api/users/${encodeURIComponent(id)}`, { signal });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: [...usersQueryKey, 'detail', id],
    queryFn: ({ signal }) => getUser(id as string, signal),
    enabled: Boolean(id),
  });
}
