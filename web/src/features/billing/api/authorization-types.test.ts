import { describe, expect, it } from 'vitest';
import { formatUnits, serviceLabel, unitsToHours, usageShares, usageText } from './authorization-types';

describe('authorization units', () => {
  it('turns 15-minute units into hours', () => {
    expect(unitsToHours(96)).toBe('24 h');
    expect(unitsToHours(10)).toBe('2.5 h');
    expect(unitsToHours(3)).toBe('0.75 h');
    expect(formatUnits(96)).toBe('96 units (24 h)');
    expect(formatUnits(1)).toBe('1 unit (0.25 h)');
  });

  it('splits the bar into used, scheduled and left', () => {
    expect(usageShares({ unitsAuthorized: 100, unitsUsed: 60, unitsScheduled: 15 })).toEqual({
      used: 60,
      scheduled: 15,
      remaining: 25,
      over: false,
    });
  });

  it('scales the bar to what is taken when that is more than authorized', () => {
    expect(usageShares({ unitsAuthorized: 80, unitsUsed: 60, unitsScheduled: 40 })).toEqual({
      used: 60,
      scheduled: 40,
      remaining: 0,
      over: true,
    });
  });

  it('says the usage in words', () => {
    expect(usageText({ unitsAuthorized: 96, unitsUsed: 60, unitsScheduled: 12, unitsRemaining: 24 })).toBe(
      '60 of 96 units used, 12 scheduled, 24 left',
    );
    expect(usageText({ unitsAuthorized: 96, unitsUsed: 90, unitsScheduled: 10, unitsRemaining: -4 })).toBe(
      '90 of 96 units used, 10 scheduled, 4 over',
    );
  });

  it('names the ABA service codes', () => {
    expect(serviceLabel('97153')).toBe('Direct treatment (97153)');
    expect(serviceLabel('99999')).toBe('99999');
  });
});
