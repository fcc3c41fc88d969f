import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { ConflictList, isConflictError, isOverridable } from './conflict-list';

const conflict = new ApiError({
  status: 409,
  type: 'https://sparktherapy.example/problems/appointment-conflict',
  detail: '2 occurrences clash with existing appointments.',
  errors: [
    { pointer: '/occurrences/0', detail: 'Toni Tech is booked 09:00–10:00 on 30 Nov.' },
    { pointer: '/occurrences/3', detail: 'Outside Toni Tech’s availability.' },
  ],
});

describe('ConflictList', () => {
  it('lists each conflict with the occurrence it concerns', () => {
    render(<ConflictList error={conflict} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('2 occurrences clash with existing appointments.');
    const items = within(screen.getByRole('list', { name: 'Conflicts' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Occurrence 1: Toni Tech is booked 09:00–10:00 on 30 Nov.',
      'Occurrence 4: Outside Toni Tech’s availability.',
    ]);
  });

  it('recognizes only conflict refusals', () => {
    expect(isConflictError(conflict)).toBe(true);
    expect(isConflictError(new ApiError({ status: 409, detail: 'Version changed' }))).toBe(false);
    expect(isConflictError(new ApiError({ status: 400, errors: [{ pointer: '/end', detail: 'x' }] }))).toBe(false);
  });
});

describe('isOverridable', () => {
  function withKinds(...kinds: string[]) {
    return new ApiError({
      status: 409,
      type: 'https://sparktherapy.org/problems/appointment-conflict',
      extensions: { conflicts: kinds.map((kind) => ({ pointer: '/occurrences/0', kind })) },
    });
  }

  it('lets an override past the therapist’s hours and time off only', () => {
    expect(isOverridable(withKinds('outside-hours'))).toBe(true);
    expect(isOverridable(withKinds('time-off', 'outside-hours'))).toBe(true);
    expect(isOverridable(withKinds('double-booking'))).toBe(false);
    expect(isOverridable(withKinds('outside-hours', 'double-booking'))).toBe(false);
  });

  it('offers nothing when the kinds are unknown', () => {
    expect(isOverridable(withKinds())).toBe(false);
    expect(isOverridable(conflict)).toBe(false);
    expect(isOverridable(withKinds('something-new'))).toBe(false);
  });
});
