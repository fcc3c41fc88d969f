import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Page, Schema } from '../../../lib/api-types';
import { sessionsQueryKey } from './session-types';

type Program = Schema<'ProgramResponse'>;

/** What a session reads of a program: how it is measured and its targets in order. */
export type SessionProgram = Pick<Program, 'id' | 'name' | 'kind' | 'measurement' | 'status'> & {
  targets: Pick<Program['targets'][number], 'id' | 'name' | 'phase' | 'position'>[];
};

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
