import { useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-types';
import { childProgramsQueryKey, type Program } from './program-types';

/** `GET /api/programs/child/{childId}`: the child's programs with their targets. */
export async function listChildPrograms(
  childId: string,
  includeArchived: boolean,
  signal?: AbortSignal,
): Promise<Page<Program>> {
  return apiFetch<Page<Program>>(
    `/api/programs/child/${encodeURIComponent(childId)}${toQueryString({ includeArchived })}`,
    { signal },
  );
}

export function useChildPrograms(childId: string, includeArchived = false) {
  return useQuery({
    queryKey: [...childProgramsQueryKey(childId), { includeArchived }],
    queryFn: ({ signal }) => listChildPrograms(childId, includeArchived, signal),
  });
}
