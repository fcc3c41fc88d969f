import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { sessionQueryKey, type Session } from './session-types';

/** `GET /api/sessions/{id}`; 404 also when the caller may not see it. */
export async function getSession(id: string, signal?: AbortSignal): Promise<Session> {
  return apiFetch<Session>(`/api/sessions/${encodeURIComponent(id)}`, { signal });
}

export function useSession(id: string | undefined, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: sessionQueryKey(id ?? ''),
    queryFn: ({ signal }) => getSession(id as string, signal),
    enabled: Boolean(id) && enabled,
  });
}
