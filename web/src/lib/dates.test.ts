import { describe, expect, it } from 'vitest';
import { formatAge, isValidDay } from './dates';

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isValidDay('2020-02-29')).toBe(true);
    expect(isValidDay('2021-02-29')).toBe(false);
    expect(isValidDay('2021-2-1')).toBe(false);
    expect(isValidDay('')).toBe(false);
  });

  it('gives young children their age in months and older ones in years', () => {
    const today = new Date(2026, 5, 15);
    expect(formatAge('2025-06-15', today)).toBe('12 months');
    expect(formatAge('2024-06-16', today)).toBe('23 months');
    expect(formatAge('2020-06-15', today)).toBe('6 years');
    expect(formatAge('2020-06-16', today)).toBe('5 years');
    expect(formatAge('2027-01-01', today)).toBe('');
  });
});
