import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-types';
import { sessionsQueryKey, type Measurement, type Phase } from './session-types';

export interface SessionProgram {
  id: string;
  name: string;
  kind: 'skill' | 'behavior';
  measurement: Measurement;
  status: 'active' | 'on_hold' | 'archived';
  targets: { id: string; name: string; phase: Phase; position: number }[];
}

/** `GET /api/programs/child/{childId}`: the programs and targets a session records against. */
export async function listSessionPrograms(childId: string, signal?: AbortSignal): Promise<Page<SessionProgram>> {
  return apiFetch<Page<SessionProgram>>(`/api/programs/child/${encodeURIComponent(childId)}`, { signal });
}

export function sessionProgramsQueryKey(childId: string) {
  return [...sessionsQueryKey, 'programs', childId] as const;
}

export function useSessionPrograms(childId: string | undefined) {
  return useQuery({
    queryKey: sessionProgramsQueryKey(childId ?? ''),
    queryFn: ({ signal }) => listSessionPrograms(childId as string, signal),
    enabled: Boolean(childId),
  });
}
