import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { anAppointment } from '../api/appointment-fixture';
import type { Appointment } from '../api/appointment-types';
import { TodayList } from './today-list';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

/** A one-hour appointment of the child starting this many minutes from now (negative: already begun). */
function anAppointmentIn(minutes: number, childId: string, changes: Partial<Appointment> = {}): Appointment {
  const start = new Date(Date.now() + minutes * 60_000);
  return anAppointment({
    id: `appt-${childId}`,
    childId,
    start: start.toISOString(),
    end: new Date(start.getTime() + 3_600_000).toISOString(),
    checkInOpensAt: new Date(start.getTime() - 30 * 60_000).toISOString(),
    ...changes,
  });
}

function serve(appointments: Appointment[]) {
  fetchMock.mockImplementation(async (input) => {
    const url = String(input);
    if (url.startsWith('/api/appointments/appt-now/record')) {
      return jsonResponse({ ...appointments[0], status: 'checked_in', sessionId: 'session-9', sessionStatus: 'open' });
    }
    if (url.startsWith('/api/appointments')) {
      return jsonResponse({
        content: appointments,
        page: { number: 0, size: 20, totalElements: appointments.length, totalPages: 1 },
      });
    }
    return jsonResponse({
      content: [
        { id: 'now', firstName: 'Robin', lastName: 'Lee', preferredName: null, status: 'active' },
        { id: 'later', firstName: 'Sam', lastName: 'Park', preferredName: null, status: 'active' },
      ],
      page: { number: 0, size: 200, totalElements: 2, totalPages: 1 },
    });
  });
}

function item(name: string) {
  return screen.getAllByRole('listitem').find((li) => li.textContent?.includes(name))!;
}

describe('TodayList', () => {
  it('offers Record without Complete for an appointment that has begun, and hides actions not yet allowed', async () => {
    serve([anAppointmentIn(-10, 'now'), anAppointmentIn(120, 'later')]);
    renderWithProviders(<TodayList therapistId="rbt-1" />);

    await screen.findByRole('list', { name: 'Today’s sessions' });
    await within(await screen.findByRole('list', { name: 'Today’s sessions' })).findByText('Robin Lee');
    const begun = within(item('Robin Lee'));
    expect(begun.getByRole('button', { name: 'Record the session with Robin Lee' })).toBeVisible();
    expect(begun.getByRole('button', { name: 'Check in Robin Lee' })).toBeVisible();
    expect(begun.getByRole('button', { name: 'Mark Robin Lee as no-show' })).toBeVisible();
    expect(begun.queryByRole('button', { name: 'Complete Robin Lee' })).not.toBeInTheDocument();

    const upcoming = within(item('Sam Park'));
    expect(upcoming.getByText(/Check-in opens at/)).toBeVisible();
    expect(upcoming.queryByRole('button', { name: /Record/ })).not.toBeInTheDocument();
    expect(upcoming.queryByRole('button', { name: 'Check in Sam Park' })).not.toBeInTheDocument();
    expect(upcoming.queryByRole('button', { name: 'Mark Sam Park as no-show' })).not.toBeInTheDocument();
  });

  it('opens check-in 30 minutes ahead but keeps no-show until the start', async () => {
    serve([anAppointmentIn(20, 'now')]);
    renderWithProviders(<TodayList therapistId="rbt-1" />);

    await within(await screen.findByRole('list', { name: 'Today’s sessions' })).findByText('Robin Lee');
    const soon = within(item('Robin Lee'));
    expect(soon.getByRole('button', { name: 'Record the session with Robin Lee' })).toBeVisible();
    expect(soon.getByRole('button', { name: 'Check in Robin Lee' })).toBeVisible();
    expect(soon.queryByRole('button', { name: 'Mark Robin Lee as no-show' })).not.toBeInTheDocument();
  });

  it('records from the list: the appointment is checked in and its session opened on the server', async () => {
    serve([anAppointmentIn(-10, 'now', { id: 'appt-now' })]);
    const { user } = renderWithProviders(<TodayList therapistId="rbt-1" />);

    await within(await screen.findByRole('list', { name: 'Today’s sessions' })).findByText('Robin Lee');
    await user.click(within(item('Robin Lee')).getByRole('button', { name: 'Record the session with Robin Lee' }));

    await vi.waitFor(() =>
      expect(fetchMock.mock.calls.map((call) => String(call[0]))).toContain('/api/appointments/appt-now/record'),
    );
    const recordCall = fetchMock.mock.calls.find((call) => String(call[0]) === '/api/appointments/appt-now/record');
    expect(recordCall?.[1]?.method).toBe('POST');
  });

  it('leads a checked-in appointment with its session straight to recording, and offers Complete once begun', async () => {
    serve([anAppointmentIn(-10, 'now', { status: 'checked_in', sessionId: 'session-3', sessionStatus: 'open' })]);
    renderWithProviders(<TodayList therapistId="rbt-1" />);

    await within(await screen.findByRole('list', { name: 'Today’s sessions' })).findByText('Robin Lee');
    const checkedIn = within(item('Robin Lee'));
    expect(checkedIn.getByRole('link', { name: 'Record the session with Robin Lee' })).toHaveAttribute(
      'href',
      '/sessions/run/session-3',
    );
    expect(checkedIn.getByRole('button', { name: 'Complete Robin Lee' })).toBeVisible();
    expect(checkedIn.queryByRole('button', { name: 'Check in Robin Lee' })).not.toBeInTheDocument();
  });
});
