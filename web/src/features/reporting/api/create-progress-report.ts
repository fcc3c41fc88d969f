import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { progressReportsQueryKey, type ProgressReport } from './progress-report-types';

export interface NewReportRequest {
  /** YYYY-MM-DD; default six months before periodEnd. */
  periodStart?: string;
  /** YYYY-MM-DD; default today in the clinic's time zone. */
  periodEnd?: string;
}

/**
 * `POST /api/children/{id}/progress-reports` (the child's supervisors): a draft. A 400 names `/periodStart` or
 * `/periodEnd` (end before start, in the future, or more than 12 months).
 */
export async function createProgressReport(childId: string, request: NewReportRequest) {
  return apiFetch<ProgressReport>(`/api/children/${encodeURIComponent(childId)}/progress-reports`, {
    method: 'POST',
    body: request,
  });
}

export function useCreateProgressReport(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: NewReportRequest) => createProgressReport(childId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressReportsQueryKey }),
  });
}
