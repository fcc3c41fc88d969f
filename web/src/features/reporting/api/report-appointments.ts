import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { periodQuery, type ReportPeriod } from './report-period';
import { reportsQueryKey } from './report-utilization';

export type ReportAppointment = Schema<'ReportAppointmentResponse'>;
export type ReportAppointmentStatus = ReportAppointment['status'];

export interface ReportAppointmentFilter {
  childId?: string;
  therapistId?: string;
  status?: ReportAppointmentStatus;
}

/** `GET /api/reports/appointments` (admins): the appointments behind the utilization and cancellation figures. */
export function getReportAppointments(
  period: ReportPeriod,
  filter: ReportAppointmentFilter,
  signal?: AbortSignal,
): Promise<ReportAppointment[]> {
  return apiFetch<ReportAppointment[]>(`/api/reports/appointments${periodQuery(period, { ...filter })}`, { signal });
}

export function useReportAppointments(period: ReportPeriod, filter: ReportAppointmentFilter) {
  return useQuery({
    queryKey: [...reportsQueryKey, 'appointments', period, filter],
    queryFn: ({ signal }) => getReportAppointments(period, filter, signal),
  });
}
