import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { authorizationQueryKey, type Authorization } from './authorization-types';

/** `GET /api/authorizations/{id}`: whoever may read the child's authorizations; its `version` is the ETag. */
export async function getAuthorization(id: string, signal?: AbortSignal): Promise<Authorization> {
  return apiFetch<Authorization>(`/api/authorizations/${encodeURIComponent(id)}`, { signal });
}

export function useAuthorization(id: string | undefined) {
  return useQuery({
    queryKey: authorizationQueryKey(id ?? ''),
    queryFn: ({ signal }) => getAuthorization(id as string, signal),
    enabled: Boolean(id),
  });
}
