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

function isoDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

function isDay(value: string | null): value is string {
  return value !== null && ISO_DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/**
 * A preset's days, counted from `today`: this month (its first day to today), last month (whole), the last three
 * months (the first day of the month two months back to today).
 */
export function presetPeriod(preset: ReportPeriodPreset, today: Date = new Date()): ReportPeriod {
  const year = today.getFullYear();
  const month = today.getMonth();
  switch (preset) {
    case 'this-month':
      return { from: isoDay(new Date(year, month, 1)), to: isoDay(today) };
    case 'last-month':
      return { from: isoDay(new Date(year, month - 1, 1)), to: isoDay(new Date(year, month, 0)) };
    case 'last-3-months':
      return { from: isoDay(new Date(year, month - 2, 1)), to: isoDay(today) };
  }
}

/** The period in a page's query; this month when either day is missing or not a day. */
export function periodFromSearch(params: URLSearchParams, today: Date = new Date()): ReportPeriod {
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to)) return { from, to };
  return presetPeriod('this-month', today);
}

/** The preset a period is, if it is one. */
export function presetOf(period: ReportPeriod, today: Date = new Date()): ReportPeriodPreset | undefined {
  return REPORT_PERIOD_PRESETS.map((p) => p.preset).find((preset) => {
    const candidate = presetPeriod(preset, today);
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
