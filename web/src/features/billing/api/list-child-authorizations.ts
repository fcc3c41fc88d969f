import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { childAuthorizationsQueryKey, type Authorization } from './authorization-types';

/**
 * `GET /api/children/{id}/authorizations`, newest start first: admins, the child's guardians and supervisors. A
 * technician on the care team gets 403, anyone else 404.
 */
export async function listChildAuthorizations(childId: string, signal?: AbortSignal): Promise<Authorization[]> {
  return apiFetch<Authorization[]>(`/api/children/${encodeURIComponent(childId)}/authorizations`, { signal });
}

export function useChildAuthorizations(childId: string) {
  return useQuery({
    queryKey: childAuthorizationsQueryKey(childId),
    queryFn: ({ signal }) => listChildAuthorizations(childId, signal),
  });
}
