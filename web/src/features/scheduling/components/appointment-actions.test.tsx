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

describe('AppointmentDialog details', () => {
  it('names the supervision and when a completed appointment took place', async () => {
    const { AppointmentDialog } = await import('./appointment-dialog');
    const appointment = anAppointment({
      serviceCode: '97155',
      therapist: { id: 'bcba-1', name: 'Maya Okafor' },
      status: 'completed',
      actualStart: new Date(2031, 0, 6, 15, 5).toISOString(),
      actualEnd: new Date(2031, 0, 6, 15, 50).toISOString(),
      supervises: [{ appointmentId: 'appt-2', therapist: { id: 'rbt-1', name: 'Luis Romero' } }],
    });
    renderWithProviders(
      <AppointmentDialog
        appointment={appointment}
        childName="Robin Lee"
        isAdmin
        isOwnTherapist={false}
        onClose={() => {}}
        onMove={() => {}}
        onCancel={() => {}}
      />,
    );

    expect(screen.getByText('Supervision of Luis Romero’s session')).toBeVisible();
    expect(screen.getByText('Took place').nextElementSibling).toHaveTextContent(/3:05.*3:50|15:05.*15:50/);
  });
});

describe('TherapistActions before the time comes', () => {
  it('says when check-in opens and offers nothing to press', () => {
    renderWithProviders(
      <TherapistActions appointment={anAppointment()} childName="Robin Lee" now={new Date(2031, 0, 6, 14, 0)} />,
    );

    expect(screen.getByText(/Check-in opens at/)).toBeVisible();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows Record and Check in from the opening of check-in, and No-show only from the start', () => {
    const { unmount } = renderWithProviders(
      <TherapistActions appointment={anAppointment()} childName="Robin Lee" now={new Date(2031, 0, 6, 14, 30)} />,
    );
    expect(screen.getByRole('button', { name: 'Record the session with Robin Lee' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Check in Robin Lee' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Mark Robin Lee as no-show' })).not.toBeInTheDocument();
    unmount();

    renderWithProviders(
      <TherapistActions appointment={anAppointment()} childName="Robin Lee" now={new Date(2031, 0, 6, 15, 0)} />,
    );
    expect(screen.getByRole('button', { name: 'Mark Robin Lee as no-show' })).toBeVisible();
  });
});
