import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { childrenQueryKey } from './child-types';

/** `DELETE /api/children/{id}/care-team/{userId}` (admin only). */
export async function removeCareTeamMember(childId: string, userId: string): Promise<void> {
  await apiFetch<void>(`/api/children/${encodeURIComponent(childId)}/care-team/${encodeURIComponent(userId)}`, {
    method: 'DELETE',
  });
}

export function useRemoveCareTeamMember(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeCareTeamMember(childId, userId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: childrenQueryKey }),
  });
}
