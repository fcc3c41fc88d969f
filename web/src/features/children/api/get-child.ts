import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { childQueryKey, type Child } from './child-types';

/** `GET /api/children/{id}`; 404 also when the caller may not see the child. */
export async function getChild(id: string, signal?: AbortSignal): Promise<Child> {
  return apiFetch<Child>(`/api/children/${encodeURIComponent(id)}`, { signal });
}

export function useChild(id: string | undefined) {
  return useQuery({
    queryKey: childQueryKey(id ?? ''),
    queryFn: ({ signal }) => getChild(id as string, signal),
    enabled: Boolean(id),
  });
}
