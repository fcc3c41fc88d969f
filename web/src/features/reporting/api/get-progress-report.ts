import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { progressReportsQueryKey, type ProgressReport } from './progress-report-types';

/** `GET /api/progress-reports/{id}`: a draft's figures computed now, a signed version's as signed. */
export async function getProgressReport(id: string, signal?: AbortSignal) {
  return apiFetch<ProgressReport>(`/api/progress-reports/${encodeURIComponent(id)}`, { signal });
}

export function useProgressReport(id: string | undefined) {
  return useQuery({
    queryKey: [...progressReportsQueryKey, 'one', id],
    queryFn: ({ signal }) => getProgressReport(id as string, signal),
    enabled: Boolean(id),
  });
}
