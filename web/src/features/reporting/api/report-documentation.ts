import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { periodQuery, type ReportPeriod } from './report-period';
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

/** `GET /api/reports/documentation/sessions`: the sessions behind the documentation figures. */
export function getDocumentationSessions(
  period: ReportPeriod,
  filter: DocumentationSessionFilter,
  signal?: AbortSignal,
): Promise<DocumentationSession[]> {
  return apiFetch<DocumentationSession[]>(`/api/reports/documentation/sessions${periodQuery(period, { ...filter })}`, {
    signal,
  });
}

export function useDocumentationSessions(period: ReportPeriod, filter: DocumentationSessionFilter) {
  return useQuery({
    queryKey: [...reportsQueryKey, 'documentation-sessions', period, filter],
    queryFn: ({ signal }) => getDocumentationSessions(period, filter, signal),
  });
}
