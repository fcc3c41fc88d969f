import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { childrenQueryKey } from './child-types';

/** `DELETE /api/children/{id}` (admin only): archives the child; the record stays. */
export async function archiveChild(id: string): Promise<void> {
  await apiFetch<void>(`/api/children/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useArchiveChild() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archiveChild,
    onSettled: () => queryClient.invalidateQueries({ queryKey: childrenQueryKey }),
  });
}
