import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { childQueryKey, childrenQueryKey, type CareTeamRole, type Child } from './child-types';

export interface AddCareTeamMemberRequest {
  userId: string;
  role: CareTeamRole;
}

/** `POST /api/children/{id}/care-team` (admin only); 400 when the user is not a therapist account. */
export async function addCareTeamMember(childId: string, request: AddCareTeamMemberRequest): Promise<Child> {
  return apiFetch<Child>(`/api/children/${encodeURIComponent(childId)}/care-team`, { method: 'POST', body: request });
}

export function useAddCareTeamMember(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AddCareTeamMemberRequest) => addCareTeamMember(childId, request),
    onSuccess: (child) => queryClient.setQueryData(childQueryKey(child.id), child),
    onSettled: () => queryClient.invalidateQueries({ queryKey: childrenQueryKey }),
  });
}
