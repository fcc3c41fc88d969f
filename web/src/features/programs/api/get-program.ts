import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { programQueryKey, type Program } from './program-types';

/** `GET /api/programs/{id}`; 404 also when the caller may not see the child. */
export async function getProgram(id: string, signal?: AbortSignal): Promise<Program> {
  return apiFetch<Program>(`/api/programs/${encodeURIComponent(id)}`, { signal });
}

export function useProgram(id: string | undefined) {
  return useQuery({
    queryKey: programQueryKey(id ?? ''),
    queryFn: ({ signal }) => getProgram(id as string, signal),
    enabled: Boolean(id),
  });
}
