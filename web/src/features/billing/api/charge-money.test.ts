import { describe, expect, it } from 'vitest';

import { formatAmount } from './claims';
import { formatMoney } from './charge-types';

describe('formatMoney', () => {
  it('groups thousands without turning the decimal string into a number', () => {
    expect(formatMoney('3567.50', 'USD')).toBe('$3,567.50');
    expect(formatMoney('1234567.05', 'USD')).toBe('$1,234,567.05');
    expect(formatMoney('60.00', 'USD')).toBe('$60.00');
    expect(formatMoney('-1635.40', 'USD')).toBe('-$1,635.40');
    expect(formatMoney('1000', 'EUR')).toBe('1,000 EUR');
    expect(formatMoney(null, 'USD')).toBe('—');
  });

  it('shows the JSON numbers of claims and remittances with two decimals', () => {
    expect(formatAmount(3567.5, 'USD')).toBe('$3,567.50');
    expect(formatAmount(null, 'USD')).toBe('—');
  });
});
