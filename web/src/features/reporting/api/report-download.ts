import { apiFetchBlob } from '../../../lib/api-client';
import { periodQuery, type ReportPeriod } from './report-period';

/**
 * The CSV of one report table. The convention for every report (ADR 0033): a figure's JSON is
 * `GET /api/reports/{figure}?from=&to=`, each of its tables is `GET /api/reports/{figure}/{table}.csv` with the same
 * query parameters.
 */
export function reportCsvPath(path: string, period: ReportPeriod, extra: Record<string, string | undefined> = {}) {
  return `${path}${periodQuery(period, extra)}`;
}

/**
 * Downloads a report's CSV (served only with the access token, so a plain link cannot fetch it) as a file named
 * `{name}_{from}_{to}.csv`; the name carries no child's name.
 */
export async function downloadReportCsv(
  path: string,
  name: string,
  period: ReportPeriod,
  extra: Record<string, string | undefined> = {},
): Promise<void> {
  const blob = await apiFetchBlob(reportCsvPath(path, period, extra), { headers: { Accept: 'text/csv' } });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}_${period.from}_${period.to}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
