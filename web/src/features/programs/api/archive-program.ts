import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { programsQueryKey } from './program-types';

/** `DELETE /api/programs/{id}`: archives the program; its data stays. */
export async function archiveProgram(id: string): Promise<void> {
  await apiFetch<void>(`/api/programs/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useArchiveProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archiveProgram,
    onSettled: () => queryClient.invalidateQueries({ queryKey: programsQueryKey }),
  });
}
