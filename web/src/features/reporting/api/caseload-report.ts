import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { periodQuery, type ReportPeriod } from './report-period';

/** Per child of the caller's caseload: targets mastered, stalled, due for a probe, and programs without data. */
export type CaseloadReport = Schema<'CaseloadReport'>;
export type CaseloadChild = Schema<'CaseloadChild'>;

/** The caseload report's two rules, chosen by the reader (the server's defaults: 3 sessions, 14 days). */
export interface CaseloadRules {
  stalledSessions: number;
  probeDays: number;
}

export const DEFAULT_CASELOAD_RULES: CaseloadRules = { stalledSessions: 3, probeDays: 14 };

export const CASELOAD_CSV_PATH = '/api/reports/caseload/items.csv';

/** The rules as query parameters, left out when they are the defaults. */
export function caseloadRuleParams(rules: CaseloadRules): Record<string, string | undefined> {
  return {
    stalledSessions:
      rules.stalledSessions === DEFAULT_CASELOAD_RULES.stalledSessions ? undefined : String(rules.stalledSessions),
    probeDays: rules.probeDays === DEFAULT_CASELOAD_RULES.probeDays ? undefined : String(rules.probeDays),
  };
}

/** `GET /api/reports/caseload`: admins every active child, supervising therapists the children they supervise. */
export async function getCaseloadReport(
  period: ReportPeriod,
  rules: CaseloadRules,
  signal?: AbortSignal,
): Promise<CaseloadReport> {
  return apiFetch<CaseloadReport>(`/api/reports/caseload${periodQuery(period, caseloadRuleParams(rules))}`, {
    signal,
  });
}

export function useCaseloadReport(period: ReportPeriod, rules: CaseloadRules) {
  return useQuery({
    queryKey: ['reports', 'caseload', period.from, period.to, rules.stalledSessions, rules.probeDays],
    queryFn: ({ signal }) => getCaseloadReport(period, rules, signal),
    placeholderData: keepPreviousData,
  });
}
