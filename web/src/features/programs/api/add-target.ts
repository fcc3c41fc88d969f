import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { programsQueryKey, type Target } from './program-types';

export interface AddTargetRequest {
  name: string;
  definition?: string;
  notes?: string;
}

/** `POST /api/programs/{id}/targets`: the new target starts in baseline, last in the list. */
export async function addTarget(programId: string, request: AddTargetRequest): Promise<Target> {
  return apiFetch<Target>(`/api/programs/${encodeURIComponent(programId)}/targets`, { method: 'POST', body: request });
}

export function useAddTarget(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AddTargetRequest) => addTarget(programId, request),
    onSettled: () => queryClient.invalidateQueries({ queryKey: programsQueryKey }),
  });
}
