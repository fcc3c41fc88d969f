import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { periodQuery, type ReportPeriod } from './report-period';

export type SupervisionReport = Schema<'SupervisionReportResponse'>;
export type SupervisionRow = Schema<'SupervisionRowResponse'>;
/**
 * An authorization's burn-down. `progressReportLink` (typed by hand until the lead regenerates the API types): the
 * child's newest draft progress report, else the child's progress reports, for a re-authorization that is due.
 */
export type BurnDownRow = Schema<'BurnDownRowResponse'> & { progressReportLink: string };
export type BurnDownReport = Omit<Schema<'BurnDownReportResponse'>, 'rows'> & { rows: BurnDownRow[] };
export type MoneyReport = Schema<'MoneyReportResponse'>;

const oversightKey = ['reports', 'oversight'] as const;

/** `GET /api/reports/supervision` (admins): each RBT's months against the BACB requirement (ADR 0035). */
export function useSupervisionReport(period: ReportPeriod) {
  return useQuery({
    queryKey: [...oversightKey, 'supervision', period],
    queryFn: ({ signal }) => apiFetch<SupervisionReport>(`/api/reports/supervision${periodQuery(period)}`, { signal }),
  });
}

/** `GET /api/reports/authorizations` (admins): each authorization's burn-down by week. */
export function useBurnDownReport(period: ReportPeriod) {
  return useQuery({
    queryKey: [...oversightKey, 'authorizations', period],
    queryFn: ({ signal }) => apiFetch<BurnDownReport>(`/api/reports/authorizations${periodQuery(period)}`, { signal }),
  });
}

/** `GET /api/reports/money` (admins): charged, collected, outstanding by age, denial rate by payer. */
export function useMoneyReport(period: ReportPeriod) {
  return useQuery({
    queryKey: [...oversightKey, 'money', period],
    queryFn: ({ signal }) => apiFetch<MoneyReport>(`/api/reports/money${periodQuery(period)}`, { signal }),
  });
}

/** "5.2 %" from the API's percent string. */
export function formatPercent(value: string): string {
  return `${Number(value).toLocaleString(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

/** "1,234.50 USD" from a decimal string. */
export function formatMoney(value: string, currency = 'USD'): string {
  return `${Number(value).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

/** Minutes as hours for people: "25 h", "1.5 h". */
export function minutesAsHours(minutes: number): string {
  return `${(minutes / 60).toLocaleString(undefined, { maximumFractionDigits: 1 })} h`;
}

/** "2026-09" as "September 2026". */
export function monthLabel(month: string): string {
  return new Date(`${month}-01T12:00:00`).toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
}
