import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Page, User } from '../../../lib/api-types';

/**
 * `GET /api/users?role=…&active=true` (admin only): the active parents or therapists an admin can link to a child.
 * The users feature has its own list call; features do not share code, and this one needs only the picker's slice.
 */
export async function listCandidateUsers(
  role: 'parent' | 'therapist',
  q: string,
  signal?: AbortSignal,
): Promise<Page<User>> {
  const query = toQueryString({ role, active: true, q, page: 0, size: 20, sort: 'name,asc' });
  return apiFetch<Page<User>>(`/api/users${query}`, { signal });
}

export function useCandidateUsers(role: 'parent' | 'therapist', q: string) {
  return useQuery({
    queryKey: ['users', 'candidates', role, q],
    queryFn: ({ signal }) => listCandidateUsers(role, q, signal),
    placeholderData: keepPreviousData,
  });
}
