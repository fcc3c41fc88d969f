import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { programQueryKey, programsQueryKey, type Phase, type Program, type Target } from './program-types';

export interface UpdateTargetRequest {
  phase?: Phase;
  name?: string;
  definition?: string | null;
  notes?: string | null;
}

/** `PUT /api/programs/{id}/targets/{targetId}`; 409 for a phase move the server does not allow. */
export async function updateTarget(programId: string, targetId: string, request: UpdateTargetRequest): Promise<Target> {
  return apiFetch<Target>(`/api/programs/${encodeURIComponent(programId)}/targets/${encodeURIComponent(targetId)}`, {
    method: 'PUT',
    body: request,
  });
}

export function useUpdateTarget(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ targetId, changes }: { targetId: string; changes: UpdateTargetRequest }) =>
      updateTarget(programId, targetId, changes),
    onSuccess: (saved) =>
      queryClient.setQueryData<Program>(programQueryKey(programId), (program) =>
        program
          ? { ...program, targets: program.targets.map((target) => (target.id === saved.id ? saved : target)) }
          : program,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: programsQueryKey }),
  });
}
