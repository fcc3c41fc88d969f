import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { programQueryKey, programsQueryKey, type Program } from './program-types';

/** `PUT /api/programs/{id}/target-order`: the program with its targets in the given order. */
export async function reorderTargets(programId: string, targetIds: string[]): Promise<Program> {
  return apiFetch<Program>(`/api/programs/${encodeURIComponent(programId)}/target-order`, {
    method: 'PUT',
    body: { targetIds },
  });
}

/** Shows the new order at once and rolls back when the server refuses it. */
export function useReorderTargets(programId: string) {
  const queryClient = useQueryClient();
  const key = programQueryKey(programId);
  return useMutation({
    mutationFn: (targetIds: string[]) => reorderTargets(programId, targetIds),
    onMutate: async (targetIds) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Program>(key);
      if (previous) {
        const byId = new Map(previous.targets.map((target) => [target.id, target]));
        const targets = targetIds.flatMap((id) => byId.get(id) ?? []);
        queryClient.setQueryData<Program>(key, { ...previous, targets });
      }
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: programsQueryKey }),
  });
}
