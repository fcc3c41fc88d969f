import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { progressReportsQueryKey, type ProgressReport } from './progress-report-types';

/** `POST /api/progress-reports/{id}/corrections`: a new draft that supersedes the signed report once signed. */
export async function correctProgressReport(id: string) {
  return apiFetch<ProgressReport>(`/api/progress-reports/${encodeURIComponent(id)}/corrections`, {
    method: 'POST',
    body: {},
  });
}

export function useCorrectProgressReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: correctProgressReport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressReportsQueryKey }),
  });
}
