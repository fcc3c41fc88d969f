import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { periodQuery, type ReportPeriod } from './report-period';
import { reportsQueryKey } from './report-utilization';

export type CancellationsReport = Schema<'CancellationsReportResponse'>;
export type CancellationCounts = Schema<'CancellationCountsResponse'>;
export type CancellationLeader = Schema<'CancellationLeaderResponse'>;

/**
 * `GET /api/reports/cancellations` (admins): who cancelled, no-shows, late share, per ISO week, and the children and
 * therapists with the most.
 */
export function getCancellations(period: ReportPeriod, signal?: AbortSignal): Promise<CancellationsReport> {
  return apiFetch<CancellationsReport>(`/api/reports/cancellations${periodQuery(period)}`, { signal });
}

export function useCancellations(period: ReportPeriod) {
  return useQuery({
    queryKey: [...reportsQueryKey, 'cancellations', period],
    queryFn: ({ signal }) => getCancellations(period, signal),
    placeholderData: keepPreviousData,
  });
}
