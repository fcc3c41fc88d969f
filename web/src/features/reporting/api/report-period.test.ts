import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayIn, periodFromSearch, periodQuery, presetOf, presetPeriod } from './report-period';

const NEW_YORK = 'America/New_York';
/** 18 November 2026, noon in New York. */
const now = new Date('2026-11-18T17:00:00Z');

describe('report periods', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('computes the presets from the clinic’s today', () => {
    expect(presetPeriod('this-month', NEW_YORK, now)).toEqual({ from: '2026-11-01', to: '2026-11-18' });
    expect(presetPeriod('last-month', NEW_YORK, now)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetPeriod('last-3-months', NEW_YORK, now)).toEqual({ from: '2026-09-01', to: '2026-11-18' });
    expect(presetPeriod('last-month', NEW_YORK, new Date('2027-01-05T12:00:00Z'))).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(presetPeriod('last-3-months', NEW_YORK, new Date('2027-02-10T12:00:00Z'))).toEqual({
      from: '2026-12-01',
      to: '2027-02-10',
    });
  });

  it('counts the clinic’s days, not the browser’s, when the two zones are on different dates', () => {
    // 1 December 2026, 03:00 UTC: already December in Auckland (the browser), still 30 November in New York
    vi.stubEnv('TZ', 'Pacific/Auckland');
    const lateEvening = new Date('2026-12-01T03:00:00Z');
    expect(new Date(lateEvening).getDate()).toBe(1);

    expect(dayIn(lateEvening, NEW_YORK)).toEqual({ year: 2026, month: 11, day: 30 });
    expect(presetPeriod('this-month', NEW_YORK, lateEvening)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetPeriod('last-month', NEW_YORK, lateEvening)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetPeriod('this-month', 'Pacific/Auckland', lateEvening)).toEqual({
      from: '2026-12-01',
      to: '2026-12-01',
    });
    expect(periodFromSearch(new URLSearchParams(), NEW_YORK, lateEvening)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });

  it('reads the period from the query and falls back to this month', () => {
    expect(periodFromSearch(new URLSearchParams('from=2026-10-25&to=2026-11-07'), NEW_YORK, now)).toEqual({
      from: '2026-10-25',
      to: '2026-11-07',
    });
    expect(periodFromSearch(new URLSearchParams('from=nonsense&to=2026-11-07'), NEW_YORK, now)).toEqual({
      from: '2026-11-01',
      to: '2026-11-18',
    });
  });

  it('names a preset and writes the query', () => {
    expect(presetOf({ from: '2026-10-01', to: '2026-10-31' }, NEW_YORK, now)).toBe('last-month');
    expect(presetOf({ from: '2026-10-02', to: '2026-10-31' }, NEW_YORK, now)).toBeUndefined();
    expect(periodQuery({ from: '2026-10-01', to: '2026-10-31' }, { childId: 'c1', status: undefined })).toBe(
      '?from=2026-10-01&to=2026-10-31&childId=c1',
    );
  });
});
