import { apiFetchBlob } from '../../../lib/api-client';
import { toDay } from '../../../lib/dates';

/**
 * `GET /api/reports/clinic-export` (admins): every table the clinic owns as CSV in one ZIP archive, with a manifest.
 * The server streams it; the browser holds it as a file blob until it is saved (the access token keeps a plain link
 * from fetching it).
 */
export async function downloadClinicExport(today: Date = new Date()): Promise<void> {
  const blob = await apiFetchBlob('/api/reports/clinic-export', { headers: { Accept: 'application/zip' } });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `sparktherapy-export-${toDay(today)}.zip`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
