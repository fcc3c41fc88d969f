import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { authorizationsQueryKey, type Authorization, type AuthorizationRequest } from './authorization-types';

/**
 * `PUT /api/authorizations/{id}` (admins), guarded by the version the admin saw (`If-Match`): 412 when someone
 * changed it in between; otherwise the same 400 and 409 as creating one.
 */
export async function updateAuthorization(
  id: string,
  version: number,
  request: AuthorizationRequest,
): Promise<Authorization> {
  return apiFetch<Authorization>(`/api/authorizations/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: request,
    headers: { 'If-Match': `"${version}"` },
  });
}

export function useUpdateAuthorization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, request }: { id: string; version: number; request: AuthorizationRequest }) =>
      updateAuthorization(id, version, request),
    onSettled: () => queryClient.invalidateQueries({ queryKey: authorizationsQueryKey }),
  });
}
