import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { childQueryKey, childrenQueryKey, type Child } from './child-types';

export interface AddGuardianRequest {
  userId: string;
  relationship: string;
  canSign: boolean;
}

/** `POST /api/children/{id}/guardians` (admin only); 400 when the user is not a parent account. */
export async function addGuardian(childId: string, request: AddGuardianRequest): Promise<Child> {
  return apiFetch<Child>(`/api/children/${encodeURIComponent(childId)}/guardians`, { method: 'POST', body: request });
}

export function useAddGuardian(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AddGuardianRequest) => addGuardian(childId, request),
    onSuccess: (child) => queryClient.setQueryData(childQueryKey(child.id), child),
    onSettled: () => queryClient.invalidateQueries({ queryKey: childrenQueryKey }),
  });
}
