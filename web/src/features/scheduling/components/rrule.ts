import type { Weekday } from '../api/appointment-types';

const BYDAY: Record<Weekday, string> = {
  MONDAY: 'MO',
  TUESDAY: 'TU',
  WEDNESDAY: 'WE',
  THURSDAY: 'TH',
  FRIDAY: 'FR',
  SATURDAY: 'SA',
  SUNDAY: 'SU',
};

const ORDER = Object.keys(BYDAY) as Weekday[];

export type RecurrenceEnd = { kind: 'count'; count: number } | { kind: 'until'; until: string };

/**
 * A weekly RFC 5545 rule: "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10", or for a last date (YYYY-MM-DD, inclusive) UNTIL as the
 * UTC date-time of that local day's last second ("UNTIL=20261231T235959Z" in UTC), since the start is a date-time. Days come out in calendar order, each once. Null without days or a valid end.
 */
export function buildWeeklyRrule(days: readonly Weekday[], end: RecurrenceEnd): string | null {
  const byDay = ORDER.filter((day) => days.includes(day)).map((day) => BYDAY[day]);
  if (byDay.length === 0) return null;
  let ending: string;
  if (end.kind === 'count') {
    if (!Number.isInteger(end.count) || end.count < 1) return null;
    ending = `COUNT=${end.count}`;
  } else {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(end.until)) return null;
    const [year, month, date] = end.until.split('-').map(Number);
    const lastMoment = new Date(year, month - 1, date, 23, 59, 59);
    if (Number.isNaN(lastMoment.getTime())) return null;
    ending = `UNTIL=${lastMoment
      .toISOString()
      .replace(/\.\d{3}/, '')
      .replace(/[-:]/g, '')}`;
  }
  return `FREQ=WEEKLY;BYDAY=${byDay.join(',')};${ending}`;
}

/** The weekday of a local calendar date (YYYY-MM-DD). */
export function weekdayOf(day: string): Weekday {
  const [year, month, date] = day.split('-').map(Number);
  const index = (new Date(year, month - 1, date).getDay() + 6) % 7;
  return ORDER[index];
}
