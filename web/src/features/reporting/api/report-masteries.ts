import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { periodQuery, type ReportPeriod } from './report-period';

/** Masteries in one month of the period (clinic time), `month` as `YYYY-MM`. */
export interface MasteriesMonth {
  month: string;
  mastered: number;
}

/** One target's move to mastered. */
export interface Mastery {
  childId: string;
  childName: string;
  programId: string;
  programName: string;
  targetId: string;
  targetName: string;
  /** The day, clinic time (ISO). */
  masteredOn: string;
  masteredAt: string;
}

/**
 * `GET /api/reports/masteries`: targets mastered in the period, per month (every month the period touches, zero
 * included) and one row each, oldest first. Written by hand until the lead regenerates the API types.
 */
export interface MasteriesReport {
  from: string;
  to: string;
  total: number;
  months: MasteriesMonth[];
  rows: Mastery[];
}

export const MASTERIES_CSV_PATH = '/api/reports/masteries.csv';

/** Admins: every active child; supervising therapists: the active children they supervise; others 403. */
export async function getMasteriesReport(period: ReportPeriod, signal?: AbortSignal): Promise<MasteriesReport> {
  return apiFetch<MasteriesReport>(`/api/reports/masteries${periodQuery(period)}`, { signal });
}

export function useMasteriesReport(period: ReportPeriod) {
  return useQuery({
    queryKey: ['reports', 'masteries', period.from, period.to],
    queryFn: ({ signal }) => getMasteriesReport(period, signal),
    placeholderData: keepPreviousData,
  });
}

/** "Nov 2026" for `2026-11`. */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Date(year, number - 1, 1).toLocaleDateString(undefined, { month: 'short', year: 'numeric' });
}
