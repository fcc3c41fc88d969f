import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { progressReportsQueryKey, type ProgressReport } from './progress-report-types';

export interface ReportChange {
  periodStart?: string;
  periodEnd?: string;
  summary?: string;
  goals?: string;
  recommendations?: string;
}

/** `PUT /api/progress-reports/{id}` with If-Match: 412 when someone saved in between, 409 once signed. */
export async function updateProgressReport(report: ProgressReport, change: ReportChange) {
  return apiFetch<ProgressReport>(`/api/progress-reports/${encodeURIComponent(report.id)}`, {
    method: 'PUT',
    body: change,
    headers: { 'If-Match': `"${report.version}"` },
  });
}

export function useUpdateProgressReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ report, change }: { report: ProgressReport; change: ReportChange }) =>
      updateProgressReport(report, change),
    onSuccess: (saved) => {
      queryClient.setQueryData([...progressReportsQueryKey, 'one', saved.id], saved);
      return queryClient.invalidateQueries({ queryKey: [...progressReportsQueryKey, 'child'] });
    },
  });
}
