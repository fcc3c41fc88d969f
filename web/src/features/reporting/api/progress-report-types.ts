import type { Schema } from '../../../lib/api-types';

export type ProgressReport = Schema<'ProgressReportResponse'>;
export type ProgressReportSummary = Schema<'ProgressReportSummary'>;
export type ProgressFigures = Schema<'ProgressFigures'>;
export type ReportTarget = Schema<'ReportTarget'>;
export type ReportStatus = ProgressReport['status'];

export const progressReportsQueryKey = ['progress-reports'] as const;

export const STATUS_LABELS: Record<ReportStatus, string> = {
  draft: 'Draft',
  signed: 'Signed',
  superseded: 'Superseded',
};

/** "3 h 15 min" from minutes. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** A level as the graph measures it, e.g. "40%", "3.5 per hour"; "—" without data. */
export function formatLevel(value: number | null | undefined, measurement: ReportTarget['measurement']): string {
  if (value === null || value === undefined) return '—';
  switch (measurement) {
    case 'percent_correct':
    case 'task_analysis':
      return `${value}%`;
    case 'frequency':
      return `${value} per session`;
    case 'rate':
      return `${value} per hour`;
    case 'duration':
      return `${value} min`;
  }
}

export const progressReportPdfPath = (id: string) => `/api/progress-reports/${encodeURIComponent(id)}/pdf`;
