import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { usersQueryKey } from './list-users';

/** `DELETE /api/users/{id}` (admin only): deactivates the account; it stays, with `active: false`. */
export async function deactivateUser(id: string): Promise<void> {
  await apiFetch<void>(`/api/users/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateUser,
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
