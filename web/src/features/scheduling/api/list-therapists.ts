import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Page, User } from '../../../lib/api-types';
import { schedulingQueryKey } from './appointment-types';

/** `GET /api/users?role=therapist&active=true` (admins): the therapists for the pickers. */
export async function listTherapists(signal?: AbortSignal): Promise<Page<User>> {
  return apiFetch<Page<User>>('/api/users?role=therapist&active=true&size=200&sort=name,asc', { signal });
}

export function useTherapists({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...schedulingQueryKey, 'therapists'],
    queryFn: ({ signal }) => listTherapists(signal),
    enabled,
  });
}
