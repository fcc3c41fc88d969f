import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { schedulingQueryKey } from './appointment-types';

/** A therapist on the child's care team (only they may be booked with the child). */
export type CareTeamEntry = Schema<'CareTeamMember'>;

/** `GET /api/children/{id}`, reading only the care team: the therapists who may be booked with the child. */
export async function getChildCareTeam(childId: string, signal?: AbortSignal): Promise<CareTeamEntry[]> {
  const child = await apiFetch<Pick<Schema<'ChildResponse'>, 'careTeam'>>(
    `/api/children/${encodeURIComponent(childId)}`,
    { signal },
  );
  return child.careTeam ?? [];
}

export function useChildCareTeam(childId: string | undefined) {
  return useQuery({
    queryKey: [...schedulingQueryKey, 'care-team', childId ?? ''],
    queryFn: ({ signal }) => getChildCareTeam(childId as string, signal),
    enabled: Boolean(childId),
  });
}
