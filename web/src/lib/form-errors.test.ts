import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { applyServerFieldErrors, pointerPath, serverFormErrors } from './form-errors';

const invalid = (errors: { pointer: string; detail: string }[]) =>
  new ApiError({ status: 400, type: 'validation', detail: 'The request has invalid fields.', errors });

describe('serverFormErrors', () => {
  it('puts a message at the displayed field its pointer names, and nothing in the alert', () => {
    const error = invalid([{ pointer: '/role', detail: 'An RBT cannot be a supervisor.' }]);

    expect(serverFormErrors(error, ['userId', 'role'])).toEqual({
      fields: { role: 'An RBT cannot be a supervisor.' },
      alert: [],
    });
  });

  it('never shows a 400’s summary: messages for fields the form does not show go to the alert, labelled', () => {
    const error = invalid([
      { pointer: '/name', detail: 'is taken' },
      { pointer: '/serviceCode', detail: 'must be an adaptive behavior CPT code' },
      { pointer: '/blocks/1/end', detail: 'must be after start' },
      { pointer: '', detail: 'Start and end must be on one day.' },
    ]);

    const result = serverFormErrors(error, ['name']);

    expect(result.fields).toEqual({ name: 'is taken' });
    expect(result.alert).toEqual([
      'Service code: must be an adaptive behavior CPT code',
      'End (2): must be after start',
      'Start and end must be on one day.',
    ]);
    expect(result.alert.join(' ')).not.toContain('invalid fields');
  });

  it('shows the detail of any other problem above the messages no field shows', () => {
    const error = new ApiError({
      status: 409,
      detail: 'Another authorization of this child covers some of these dates.',
      errors: [
        { pointer: '/startDate', detail: 'overlaps another authorization' },
        { pointer: '/serviceCode', detail: 'is the same' },
      ],
    });

    expect(serverFormErrors(error, ['startDate', 'endDate'])).toEqual({
      fields: { startDate: 'overlaps another authorization' },
      alert: ['Another authorization of this child covers some of these dates.', 'Service code: is the same'],
    });
    expect(serverFormErrors(error, ['startDate', 'serviceCode']).alert).toEqual([]);
  });

  it('shows the detail of a problem without field errors', () => {
    const error = new ApiError({ status: 403, detail: 'Only admins change care teams.' });

    expect(serverFormErrors(error, ['role']).alert).toEqual(['Only admins change care teams.']);
  });

  it('maps nested pointers through a function when the form names fields differently', () => {
    const error = invalid([
      { pointer: '/insurance/payer', detail: 'is required' },
      { pointer: '/emergencyContacts/0/phone', detail: 'is not a phone number' },
    ]);
    const fieldOf = (path: string) =>
      path === 'insurance.payer' ? 'insurancePayer' : /^emergencyContacts\.\d+\.phone$/.test(path) ? path : undefined;

    expect(serverFormErrors(error, fieldOf).fields).toEqual({
      insurancePayer: 'is required',
      'emergencyContacts.0.phone': 'is not a phone number',
    });
  });

  it('says the server could not be reached for anything that is not a problem', () => {
    expect(serverFormErrors(new TypeError('Failed to fetch'), []).alert[0]).toMatch(/could not be reached/);
    expect(serverFormErrors(null, [])).toEqual({ fields: {}, alert: [] });
  });
});

describe('pointerPath', () => {
  it('turns a JSON pointer into a dotted path, undoing its escapes', () => {
    expect(pointerPath('/emergencyContacts/0/phone')).toBe('emergencyContacts.0.phone');
    expect(pointerPath('/a~1b/c~0d')).toBe('a/b.c~d');
  });
});

describe('applyServerFieldErrors', () => {
  it('sets each placed message on its react-hook-form field, focusing the first', () => {
    const setError = vi.fn();
    const error = invalid([
      { pointer: '/email', detail: 'is taken' },
      { pointer: '/password', detail: 'is too common' },
    ]);

    expect(applyServerFieldErrors(error, ['email', 'password'], setError)).toBe(true);
    expect(setError).toHaveBeenCalledWith('email', { type: 'server', message: 'is taken' }, { shouldFocus: true });
    expect(setError).toHaveBeenCalledWith(
      'password',
      { type: 'server', message: 'is too common' },
      { shouldFocus: false },
    );
  });
});
