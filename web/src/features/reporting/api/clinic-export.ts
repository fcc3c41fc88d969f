import { apiFetch } from '../../../lib/api-client';

/** The form of the tables in the archive: CSV files or JSON Lines files (one JSON object per row). */
export type ClinicExportFormat = 'csv' | 'json';

/** `POST /api/reports/clinic-export/links`'s answer: a link that downloads the archive once, within a minute. */
export interface ClinicExportLink {
  url: string;
  expiresAt: string;
  format: ClinicExportFormat;
}

/** `POST /api/reports/clinic-export/links` (admins): a one-time download link; the export is logged now. */
export function createClinicExportLink(format: ClinicExportFormat): Promise<ClinicExportLink> {
  return apiFetch<ClinicExportLink>('/api/reports/clinic-export/links', { method: 'POST', body: { format } });
}

/**
 * The clinic's full export (admins): every table the clinic owns as CSV or JSON Lines, the message attachments' files
 * and a manifest, in one ZIP archive. Asks for a one-time link and follows it as a plain download, so the browser
 * saves the streamed archive straight to disk (the link needs no access token; it works once, for a minute).
 */
export async function downloadClinicExport(format: ClinicExportFormat = 'csv'): Promise<void> {
  const { url } = await createClinicExportLink(format);
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
