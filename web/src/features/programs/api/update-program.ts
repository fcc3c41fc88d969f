import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { programQueryKey, programsQueryKey, type Domain, type MasteryCriterion, type Program } from './program-types';

/** Partial: omitted fields stay as they are. */
export interface UpdateProgramRequest {
  name?: string;
  domain?: Domain;
  objective?: string | null;
  masteryCriterion?: MasteryCriterion | null;
  status?: 'active' | 'on_hold';
}

/** `PUT /api/programs/{id}` with `If-Match`; 412 when someone changed the program in between. */
export async function updateProgram(id: string, version: number, request: UpdateProgramRequest): Promise<Program> {
  return apiFetch<Program>(`/api/programs/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: request,
    headers: { 'If-Match': `"${version}"` },
  });
}

export function useUpdateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ program, changes }: { program: Program; changes: UpdateProgramRequest }) =>
      updateProgram(program.id, program.version, changes),
    onSuccess: (saved) => queryClient.setQueryData(programQueryKey(saved.id), saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: programsQueryKey }),
  });
}
