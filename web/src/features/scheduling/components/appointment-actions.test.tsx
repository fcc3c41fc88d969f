import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { anAppointment } from '../api/appointment-fixture';
import type { Appointment } from '../api/appointment-types';
import { TherapistActions } from './appointment-actions';

function aCompletedAppointment(sessionStatus: Appointment['sessionStatus']): Appointment {
  return anAppointment({ status: 'completed', sessionId: 'session-1', sessionStatus, version: 2 });
}

describe('TherapistActions after completion', () => {
  it('leads into recording a session that is still open, and to its record', () => {
    renderWithProviders(<TherapistActions appointment={aCompletedAppointment('open')} childName="Robin Lee" />);

    expect(screen.getByRole('link', { name: 'Record the session' })).toHaveAttribute('href', '/sessions/run/session-1');
    expect(screen.getByRole('link', { name: 'Open the session record' })).toHaveAttribute(
      'href',
      '/sessions/session-1',
    );
  });

  it('offers only the record once the session is submitted', () => {
    renderWithProviders(<TherapistActions appointment={aCompletedAppointment('submitted')} childName="Robin Lee" />);

    expect(screen.queryByRole('link', { name: 'Record the session' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the session record' })).toHaveClass('btn-primary');
  });
});
