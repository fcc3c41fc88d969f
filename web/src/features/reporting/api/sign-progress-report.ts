import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { progressReportsQueryKey, type ProgressReport } from './progress-report-types';

/**
 * `POST /api/progress-reports/{id}/signature` with If-Match: freezes the figures. 409 when the summary, goals or
 * recommendations are empty (the problem's errors name them).
 */
export async function signProgressReport(report: ProgressReport) {
  return apiFetch<ProgressReport>(`/api/progress-reports/${encodeURIComponent(report.id)}/signature`, {
    method: 'POST',
    body: {},
    headers: { 'If-Match': `"${report.version}"` },
  });
}

export function useSignProgressReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signProgressReport,
    onSuccess: (signed) => {
      queryClient.setQueryData([...progressReportsQueryKey, 'one', signed.id], signed);
      return queryClient.invalidateQueries({ queryKey: progressReportsQueryKey });
    },
  });
}
