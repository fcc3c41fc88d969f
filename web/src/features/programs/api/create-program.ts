import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import {
  programQueryKey,
  programsQueryKey,
  type Domain,
  type MasteryCriterion,
  type Measurement,
  type Program,
  type ProgramKind,
} from './program-types';

export interface CreateProgramRequest {
  childId: string;
  name: string;
  domain: Domain;
  objective?: string;
  kind: ProgramKind;
  measurement: Measurement;
  /** Required for skill programs, optional for behavior programs. */
  masteryCriterion?: MasteryCriterion;
  targets: { name: string; definition?: string }[];
}

/** `POST /api/programs` (admin or the child's supervisor). */
export async function createProgram(request: CreateProgramRequest): Promise<Program> {
  return apiFetch<Program>('/api/programs', { method: 'POST', body: request });
}

export function useCreateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProgram,
    onSuccess: (program) => {
      queryClient.setQueryData(programQueryKey(program.id), program);
      return queryClient.invalidateQueries({ queryKey: programsQueryKey });
    },
  });
}
