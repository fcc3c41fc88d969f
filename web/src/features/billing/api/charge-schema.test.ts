import { describe, expect, it } from 'vitest';
import { isNpi, settingsFormSchema, splitCodes, toSettingsForm, toSettingsRequest } from './charge-schema';
import { formatMoney } from './charge-types';

describe('billing identifiers in the browser', () => {
  it('accepts NPIs whose check digit is right and no others', () => {
    expect(isNpi('1234567893')).toBe(true);
    expect(isNpi('1245319599')).toBe(true);
    expect(isNpi('1234567890')).toBe(false);
    expect(isNpi('123456789')).toBe(false);
  });

  it('splits diagnosis codes on commas and spaces, upper case', () => {
    expect(splitCodes(' f84.0, Z13.41  F88 ')).toEqual(['F84.0', 'Z13.41', 'F88']);
    expect(splitCodes('')).toEqual([]);
  });

  it('writes money as the server sent it, with its currency', () => {
    expect(formatMoney('74.00', 'USD')).toBe('$74.00');
    expect(formatMoney('74.00', 'EUR')).toBe('74.00 EUR');
    expect(formatMoney(null, 'USD')).toBe('—');
  });

  it('sends the clearinghouse submitter id, or null for the NPI to stand in', () => {
    const form = { ...toSettingsForm(undefined), legalName: 'Bright Steps ABA LLC' };

    expect(toSettingsRequest({ ...form, submitterId: ' CLRH00042 ' }).submitterId).toBe('CLRH00042');
    expect(toSettingsRequest(form).submitterId).toBeNull();
    expect(settingsFormSchema.safeParse({ ...form, submitterId: 'no spaces!' }).success).toBe(false);
    expect(settingsFormSchema.safeParse({ ...form, submitterId: 'A1' }).success).toBe(true);
  });
});
