import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { Page, Schema } from '../../../lib/api-types';

/**
 * The period every report covers: `from` and `to` as ISO days, both included, in the clinic's time zone (the server
 * turns them into instants). Kept in the page's URL query (`?from=2026-11-01&to=2026-11-30`) so a report can be
 * bookmarked and shared; dates are not PHI.
 */
export interface ReportPeriod {
  from: string;
  to: string;
}

export type ReportPeriodPreset = 'this-month' | 'last-month' | 'last-3-months';

export const REPORT_PERIOD_PRESETS: { preset: ReportPeriodPreset; label: string }[] = [
  { preset: 'this-month', label: 'This month' },
  { preset: 'last-month', label: 'Last month' },
  { preset: 'last-3-months', label: 'Last 3 months' },
];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The clinic's time zone until a report has said it: the browser's own, which is the clinic's for nearly everyone
 * working in it.
 */
export const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A calendar day, without a zone: year, month (1–12), day. */
interface Day {
  year: number;
  month: number;
  day: number;
}

function isoDay({ year, month, day }: Day): string {
  // Date.UTC rolls over: month 0 is last December, day 0 the previous month's last day
  const date = new Date(Date.UTC(year, month - 1, day));
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(date.getUTCDate()).padStart(2, '0');
  return `${date.getUTCFullYear()}-${mm}-${dd}`;
}

/** The day it is at `now` in `zone` (an IANA name such as `America/New_York`). */
export function dayIn(now: Date, zone: string): Day {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

function isDay(value: string | null): value is string {
  return value !== null && ISO_DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/**
 * A preset's days, counted from the clinic's today (the day it is at `now` in the clinic's `zone`, whatever the
 * browser's zone): this month (its first day to today), last month (whole), the last three months (the first day of
 * the month two months back to today).
 */
export function presetPeriod(preset: ReportPeriodPreset, zone: string, now: Date = new Date()): ReportPeriod {
  const today = dayIn(now, zone);
  const { year, month } = today;
  switch (preset) {
    case 'this-month':
      return { from: isoDay({ year, month, day: 1 }), to: isoDay(today) };
    case 'last-month':
      return { from: isoDay({ year, month: month - 1, day: 1 }), to: isoDay({ year, month, day: 0 }) };
    case 'last-3-months':
      return { from: isoDay({ year, month: month - 2, day: 1 }), to: isoDay(today) };
  }
}

/** The period in a page's query; this month (in the clinic's zone) when either day is missing or not a day. */
export function periodFromSearch(params: URLSearchParams, zone: string, now: Date = new Date()): ReportPeriod {
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to)) return { from, to };
  return presetPeriod('this-month', zone, now);
}

/** The preset a period is, if it is one. */
export function presetOf(period: ReportPeriod, zone: string, now: Date = new Date()): ReportPeriodPreset | undefined {
  return REPORT_PERIOD_PRESETS.map((p) => p.preset).find((preset) => {
    const candidate = presetPeriod(preset, zone, now);
    return candidate.from === period.from && candidate.to === period.to;
  });
}

/** `?from=…&to=…` (plus any `extra` parameters) for a report's API call or a link. */
export function periodQuery(period: ReportPeriod, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  return `?${params.toString()}`;
}

/** A period for people: "1 Nov 2026 – 30 Nov 2026". */
export function periodLabel(period: ReportPeriod): string {
  const format = (day: string) =>
    new Date(`${day}T12:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  return `${format(period.from)} – ${format(period.to)}`;
}

/**
 * The clinic's time zone, which the period presets count days in: every report answers its period with the zone
 * (`period.zone`, ADR 0033), so it is the zone of any report the app holds; the browser's until one has answered.
 */
export function useClinicZone(): string {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  return useSyncExternalStore(
    (onChange) => cache.subscribe(onChange),
    () => zoneOfReports(cache.getAll().map((query) => query.state.data)) ?? BROWSER_ZONE,
  );
}

/** The clinic's zone as the first of these report answers that carries a period says it. */
export function zoneOfReports(answers: unknown[]): string | undefined {
  for (const answer of answers) {
    const zone = (answer as { period?: { zone?: unknown } } | null | undefined)?.period?.zone;
    if (typeof zone === 'string' && zone) return zone;
  }
  return undefined;
}

/** A report's period as the server answers it: its days and the clinic's time zone. */
export type ReportPeriodResponse = Schema<'ReportPeriodResponse'>;

/** One page of the rows behind a figure, with the report's period: `{content, page, period}`. */
export type ReportRows<T> = Page<T> & { period: ReportPeriodResponse };
