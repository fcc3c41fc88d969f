import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { periodQuery, type ReportPeriod } from './report-period';

export type UtilizationReport = Schema<'UtilizationReportResponse'>;
export type ChildUtilization = Schema<'ChildUtilizationRow'>;
export type TherapistUtilization = Schema<'TherapistUtilizationRow'>;

export const reportsQueryKey = ['reports'] as const;

/**
 * `GET /api/reports/utilization` (admins): per child prescribed, scheduled, delivered and authorized hours; per
 * therapist billable against available hours.
 */
export function getUtilization(period: ReportPeriod, signal?: AbortSignal): Promise<UtilizationReport> {
  return apiFetch<UtilizationReport>(`/api/reports/utilization${periodQuery(period)}`, { signal });
}

export function useUtilization(period: ReportPeriod) {
  return useQuery({
    queryKey: [...reportsQueryKey, 'utilization', period],
    queryFn: ({ signal }) => getUtilization(period, signal),
    placeholderData: keepPreviousData,
  });
}
