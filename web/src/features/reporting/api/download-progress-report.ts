import { apiFetchBlob } from '../../../lib/api-client';
import { progressReportPdfPath } from './progress-report-types';

/**
 * `GET /api/progress-reports/{id}/pdf`, served only with the access token (a plain link cannot fetch it), handed to
 * the browser as a file whose name carries no name of a child.
 */
export async function downloadProgressReport(id: string, periodEnd: string): Promise<void> {
  const blob = await apiFetchBlob(progressReportPdfPath(id));
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `progress-report-${periodEnd}.pdf`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
