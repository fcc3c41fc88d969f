import { apiFetchBlob } from '../../../lib/api-client';

/**
 * Downloads a statement or invoice PDF (served only with the access token, so a plain link cannot fetch it) and
 * hands it to the browser as a file. The file name carries no name of a child.
 */
export async function downloadPdf(path: string, filename: string): Promise<void> {
  const blob = await apiFetchBlob(path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const statementPdfPath = (childId: string, month: string) =>
  `/api/children/${encodeURIComponent(childId)}/statements/${encodeURIComponent(month)}/pdf`;

export const invoicePdfPath = (invoiceId: string) => `/api/invoices/${encodeURIComponent(invoiceId)}/pdf`;
