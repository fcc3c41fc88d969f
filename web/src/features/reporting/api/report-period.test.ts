import { describe, expect, it } from 'vitest';
import { periodFromSearch, periodQuery, presetOf, presetPeriod } from './report-period';

const today = new Date(2026, 10, 18); // 18 November 2026

describe('report periods', () => {
  it('computes the presets from today', () => {
    expect(presetPeriod('this-month', today)).toEqual({ from: '2026-11-01', to: '2026-11-18' });
    expect(presetPeriod('last-month', today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetPeriod('last-3-months', today)).toEqual({ from: '2026-09-01', to: '2026-11-18' });
    expect(presetPeriod('last-month', new Date(2027, 0, 5))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('reads the period from the query and falls back to this month', () => {
    expect(periodFromSearch(new URLSearchParams('from=2026-10-25&to=2026-11-07'), today)).toEqual({
      from: '2026-10-25',
      to: '2026-11-07',
    });
    expect(periodFromSearch(new URLSearchParams('from=nonsense&to=2026-11-07'), today)).toEqual({
      from: '2026-11-01',
      to: '2026-11-18',
    });
  });

  it('names a preset and writes the query', () => {
    expect(presetOf({ from: '2026-10-01', to: '2026-10-31' }, today)).toBe('last-month');
    expect(presetOf({ from: '2026-10-02', to: '2026-10-31' }, today)).toBeUndefined();
    expect(periodQuery({ from: '2026-10-01', to: '2026-10-31' }, { childId: 'c1', status: undefined })).toBe(
      '?from=2026-10-01&to=2026-10-31&childId=c1',
    );
  });
});
