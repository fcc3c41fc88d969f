import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { periodQuery, type ReportPeriod, type ReportRows } from './report-period';
import { reportsQueryKey } from './report-utilization';

export type ReportAppointment = Schema<'ReportAppointmentResponse'>;
export type ReportAppointmentStatus = ReportAppointment['status'];

export interface ReportAppointmentFilter {
  childId?: string;
  therapistId?: string;
  status?: ReportAppointmentStatus;
}

/**
 * `GET /api/reports/appointments` (admins): one page (zero-based) of the appointments behind the utilization and
 * cancellation figures, in time order; `/api/reports/appointments.csv` has them all.
 */
export function getReportAppointments(
  period: ReportPeriod,
  filter: ReportAppointmentFilter,
  page: number,
  signal?: AbortSignal,
): Promise<ReportRows<ReportAppointment>> {
  return apiFetch<ReportRows<ReportAppointment>>(
    `/api/reports/appointments${periodQuery(period, { ...filter, page: String(page) })}`,
    { signal },
  );
}

export function useReportAppointments(period: ReportPeriod, filter: ReportAppointmentFilter, page: number) {
  return useQuery({
    queryKey: [...reportsQueryKey, 'appointments', period, filter, page],
    queryFn: ({ signal }) => getReportAppointments(period, filter, page, signal),
    placeholderData: keepPreviousData,
  });
}
