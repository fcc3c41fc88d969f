import { describe, expect, it } from 'vitest';
import { buildWeeklyRrule, weekdayOf } from './rrule';

describe('buildWeeklyRrule', () => {
  it('lists the days in calendar order, once each, with a count', () => {
    expect(buildWeeklyRrule(['WEDNESDAY', 'MONDAY', 'WEDNESDAY'], { kind: 'count', count: 10 })).toBe(
      'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10',
    );
  });

  it('ends on a date as UNTIL, the UTC date-time of that local day’s last second', () => {
    const rule = buildWeeklyRrule(['FRIDAY', 'SUNDAY'], { kind: 'until', until: '2026-12-31' });
    expect(rule).toMatch(/^FREQ=WEEKLY;BYDAY=FR,SU;UNTIL=\d{8}T\d{6}Z$/);
    const until = /UNTIL=(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(rule!)!.slice(1).map(Number);
    const instant = new Date(Date.UTC(until[0], until[1] - 1, until[2], until[3], until[4], until[5]));
    expect(instant.getTime()).toBe(new Date(2026, 11, 31, 23, 59, 59).getTime());
  });

  it('refuses a rule without days or without a valid end', () => {
    expect(buildWeeklyRrule([], { kind: 'count', count: 3 })).toBeNull();
    expect(buildWeeklyRrule(['MONDAY'], { kind: 'count', count: 0 })).toBeNull();
    expect(buildWeeklyRrule(['MONDAY'], { kind: 'count', count: 2.5 })).toBeNull();
    expect(buildWeeklyRrule(['MONDAY'], { kind: 'until', until: '' })).toBeNull();
  });
});

describe('weekdayOf', () => {
  it('names the weekday of a calendar date', () => {
    expect(weekdayOf('2026-11-30')).toBe('MONDAY');
    expect(weekdayOf('2026-12-06')).toBe('SUNDAY');
  });
});
