import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { periodQuery, type ReportPeriod, type ReportRows } from './report-period';
import { reportsQueryKey } from './report-utilization';

export type DocumentationReport = Schema<'DocumentationReportResponse'>;
export type DocumentationSession = Schema<'DocumentationSessionResponse'>;
export type DocumentationIssue = 'late' | 'overdue' | 'unsigned';

/** `GET /api/reports/documentation` (admins): per therapist, sessions submitted late, open past 24 h, unsigned. */
export function getDocumentation(period: ReportPeriod, signal?: AbortSignal): Promise<DocumentationReport> {
  return apiFetch<DocumentationReport>(`/api/reports/documentation${periodQuery(period)}`, { signal });
}

export function useDocumentation(period: ReportPeriod) {
  return useQuery({
    queryKey: [...reportsQueryKey, 'documentation', period],
    queryFn: ({ signal }) => getDocumentation(period, signal),
    placeholderData: keepPreviousData,
  });
}

export interface DocumentationSessionFilter {
  therapistId?: string;
  issue?: DocumentationIssue;
}

/**
 * `GET /api/reports/documentation/sessions`: one page (zero-based) of the sessions behind the documentation figures;
 * `/api/reports/documentation/sessions.csv` has them all.
 */
export function getDocumentationSessions(
  period: ReportPeriod,
  filter: DocumentationSessionFilter,
  page: number,
  signal?: AbortSignal,
): Promise<ReportRows<DocumentationSession>> {
  return apiFetch<ReportRows<DocumentationSession>>(
    `/api/reports/documentation/sessions${periodQuery(period, { ...filter, page: String(page) })}`,
    { signal },
  );
}

export function useDocumentationSessions(period: ReportPeriod, filter: DocumentationSessionFilter, page: number) {
  return useQuery({
    queryKey: [...reportsQueryKey, 'documentation-sessions', period, filter, page],
    queryFn: ({ signal }) => getDocumentationSessions(period, filter, page, signal),
    placeholderData: keepPreviousData,
  });
}
