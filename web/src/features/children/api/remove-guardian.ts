import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { childrenQueryKey } from './child-types';

/** `DELETE /api/children/{id}/guardians/{userId}` (admin only). */
export async function removeGuardian(childId: string, userId: string): Promise<void> {
  await apiFetch<void>(`/api/children/${encodeURIComponent(childId)}/guardians/${encodeURIComponent(userId)}`, {
    method: 'DELETE',
  });
}

export function useRemoveGuardian(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeGuardian(childId, userId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: childrenQueryKey }),
  });
}
