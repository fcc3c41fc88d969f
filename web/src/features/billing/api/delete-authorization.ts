import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { authorizationsQueryKey } from './authorization-types';

/** `DELETE /api/authorizations/{id}` (admins): 204. */
export async function deleteAuthorization(id: string): Promise<void> {
  await apiFetch<void>(`/api/authorizations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteAuthorization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteAuthorization(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authorizationsQueryKey }),
  });
}
