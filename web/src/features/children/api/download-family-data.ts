import { apiFetch } from '../../../lib/api-client';

/** `POST /api/children/{id}/data-export/links`'s answer: a link that downloads the archive once, within a minute. */
export interface FamilyExportLink {
  url: string;
  expiresAt: string;
}

/**
 * The family's data (admins; a parent for their own child): everything the clinic holds about the child and its
 * guardians as JSON documents, with the signed progress reports' PDFs and the message attachments, in one ZIP archive.
 * Asks for a one-time link (the export is logged then) and follows it as a plain download, so the browser saves the
 * streamed archive straight to disk. The link carries a random token, never the child's name.
 */
export async function downloadFamilyData(childId: string): Promise<void> {
  const { url } = await apiFetch<FamilyExportLink>(`/api/children/${encodeURIComponent(childId)}/data-export/links`, {
    method: 'POST',
  });
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
