import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { schedulingQueryKey } from './appointment-types';

export interface CareTeamEntry {
  userId: string;
  name: string;
  credential: string | null;
  role: string;
}

/** `GET /api/children/{id}`, reading only the care team: the therapists who may be booked with the child. */
export async function getChildCareTeam(childId: string, signal?: AbortSignal): Promise<CareTeamEntry[]> {
  const child = await apiFetch<{ careTeam: CareTeamEntry[] }>(`/api/children/${encodeURIComponent(childId)}`, {
    signal,
  });
  return child.careTeam ?? [];
}

export function useChildCareTeam(childId: string | undefined) {
  return useQuery({
    queryKey: [...schedulingQueryKey, 'care-team', childId ?? ''],
    queryFn: ({ signal }) => getChildCareTeam(childId as string, signal),
    enabled: Boolean(childId),
  });
}
