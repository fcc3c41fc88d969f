import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { authorizationsQueryKey, type Authorization, type AuthorizationRequest } from './authorization-types';

/**
 * `POST /api/children/{id}/authorizations` (admins). A 400 names the invalid fields by pointer (`/endDate`); a 409
 * means it overlaps another authorization of the child for the same service, whose id is the problem's
 * `conflictingId`.
 */
export async function createAuthorization(childId: string, request: AuthorizationRequest): Promise<Authorization> {
  return apiFetch<Authorization>(`/api/children/${encodeURIComponent(childId)}/authorizations`, {
    method: 'POST',
    body: request,
  });
}

export function useCreateAuthorization(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AuthorizationRequest) => createAuthorization(childId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authorizationsQueryKey }),
  });
}
