import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startSession } from '../../../lib/auth-session';
import { aTokenResponse, aUser } from '../../../test/fixtures';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { anAppointment } from '../api/appointment-fixture';
import type { Appointment } from '../api/appointment-types';
import { AdminAttendance, TherapistActions } from './appointment-actions';

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

describe('AdminAttendance', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    startSession(aTokenResponse(aUser({ role: 'admin' })));
  });

  it('checks in before check-in opens only with a reason, which goes to the server as the override', async () => {
    const user = userEvent.setup();
    fetchMock.mockResolvedValue(jsonResponse(anAppointment({ status: 'checked_in', version: 1 })));
    renderWithProviders(
      <AdminAttendance appointment={anAppointment()} childName="Robin Lee" now={new Date(2031, 0, 6, 14, 0)} />,
    );
    expect(screen.getByRole('button', { name: 'No-show early… – Robin Lee' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Check in early… – Robin Lee' }));
    await user.click(screen.getByRole('button', { name: 'Check in early' }));
    expect(screen.getByRole('textbox', { name: /Why check in before check-in opens/ })).toHaveAccessibleDescription(
      /Give a reason/,
    );
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(
      screen.getByRole('textbox', { name: /Why check in before check-in opens/ }),
      '  The family arrived early  ',
    );
    await user.click(screen.getByRole('button', { name: 'Check in early' }));

    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [path, init] = fetchMock.mock.calls[0];
    expect(path).toBe('/api/appointments/appt-1/check-in');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({ override: { reason: 'The family arrived early' } });
    await waitFor(() => expect(screen.queryByRole('textbox')).not.toBeInTheDocument());
  });

  it('takes the steps the clock allows without asking why, and without an override', async () => {
    const user = userEvent.setup();
    fetchMock.mockResolvedValue(jsonResponse(anAppointment({ status: 'no_show', version: 1 })));
    renderWithProviders(
      <AdminAttendance appointment={anAppointment()} childName="Robin Lee" now={new Date(2031, 0, 6, 15, 10)} />,
    );
    expect(screen.getByRole('button', { name: 'Check in – Robin Lee' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'No-show – Robin Lee' }));

    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [path, init] = fetchMock.mock.calls[0];
    expect(path).toBe('/api/appointments/appt-1/no-show');
    expect(init?.body).toBeUndefined();
  });

  it('completes a checked-in appointment, early with a reason; "Back" leaves without a call', async () => {
    const user = userEvent.setup();
    const checkedIn = anAppointment({ status: 'checked_in', version: 1 });
    const { unmount } = renderWithProviders(
      <AdminAttendance appointment={checkedIn} childName="Robin Lee" now={new Date(2031, 0, 6, 14, 40)} />,
    );
    expect(screen.queryByRole('button', { name: /Check in|No-show/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Complete early… – Robin Lee' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('button', { name: 'Complete early… – Robin Lee' })).toBeVisible();
    expect(fetchMock).not.toHaveBeenCalled();
    unmount();

    renderWithProviders(
      <AdminAttendance appointment={checkedIn} childName="Robin Lee" now={new Date(2031, 0, 6, 15, 30)} />,
    );
    expect(screen.getByRole('button', { name: 'Complete – Robin Lee' })).toBeVisible();
  });

  it('offers nothing once the appointment is over, and shows why the server refused', async () => {
    const { unmount } = renderWithProviders(
      <AdminAttendance appointment={anAppointment({ status: 'completed' })} childName="Robin Lee" />,
    );
    expect(screen.queryByRole('region', { name: 'Attendance' })).not.toBeInTheDocument();
    unmount();

    const user = userEvent.setup();
    fetchMock.mockResolvedValue(
      problemResponse(409, { title: 'Appointment changed', detail: 'The appointment was cancelled meanwhile.' }),
    );
    renderWithProviders(
      <AdminAttendance appointment={anAppointment()} childName="Robin Lee" now={new Date(2031, 0, 6, 15, 10)} />,
    );
    await user.click(screen.getByRole('button', { name: 'Check in – Robin Lee' }));
    expect(await screen.findByText('The appointment was cancelled meanwhile.')).toBeVisible();
  });
});
