import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { sessionsQueryKey } from './session-types';

/**
 * `nearMastery`: one more session meeting the criterion masters these; `stalled`: in intervention for four weeks or
 * more with no upward trend.
 */
export type CaseloadTargets = Schema<'CaseloadTargets'>;

/** `GET /api/caseload/targets`: the targets of the caller's active caseload that are near mastery or stalled. */
export async function listCaseloadTargets(signal?: AbortSignal): Promise<CaseloadTargets> {
  return apiFetch<CaseloadTargets>('/api/caseload/targets', { signal });
}

export function useCaseloadTargets() {
  return useQuery({
    queryKey: [...sessionsQueryKey, 'caseload-targets'],
    queryFn: ({ signal }) => listCaseloadTargets(signal),
  });
}
