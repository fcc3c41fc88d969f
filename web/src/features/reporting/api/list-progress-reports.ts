import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-types';
import { progressReportsQueryKey, type ProgressReportSummary } from './progress-report-types';

/**
 * `GET /api/children/{id}/progress-reports`: the latest period first. Drafts only for admins and the child's
 * supervisors; technicians and guardians get signed reports.
 */
export async function listProgressReports(childId: string, signal?: AbortSignal) {
  return apiFetch<Page<ProgressReportSummary>>(
    `/api/children/${encodeURIComponent(childId)}/progress-reports?size=50`,
    { signal },
  );
}

export function useProgressReports(childId: string) {
  return useQuery({
    queryKey: [...progressReportsQueryKey, 'child', childId],
    queryFn: ({ signal }) => listProgressReports(childId, signal),
  });
}
