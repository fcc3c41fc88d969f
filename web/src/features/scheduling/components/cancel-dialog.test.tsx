import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { anAppointment } from '../api/appointment-fixture';
import { appointmentsQueryKey, type Appointment } from '../api/appointment-types';
import { CancelDialog } from './cancel-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function anAppointmentIn(hoursAhead: number): Appointment {
  const start = new Date(Date.now() + hoursAhead * 3_600_000);
  return anAppointment({ start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() });
}

function renderDialog(appointment: Appointment) {
  const onCancelled = vi.fn();
  const rendered = renderWithProviders(
    <CancelDialog
      appointment={appointment}
      childName="Robin Lee"
      warnLate
      onClose={vi.fn()}
      onCancelled={onCancelled}
    />,
  );
  return { ...rendered, onCancelled, dialog: screen.getByRole('dialog', { name: 'Cancel appointment' }) };
}

describe('CancelDialog for a parent', () => {
  it('warns that a cancellation within 24 hours counts as late, and sends the reason', async () => {
    const appointment = anAppointmentIn(5);
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ ...appointment, status: 'cancelled', cancellation: { late: true, reason: 'Sick' } }),
    );
    const { dialog, user, onCancelled } = renderDialog(appointment);

    expect(within(dialog).getByRole('status')).toHaveTextContent('counts as a late cancellation');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel appointment' }));
    expect(within(dialog).getByLabelText('Reason')).toHaveAccessibleDescription('Give a reason');
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText('Reason'), 'Sick');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel appointment' }));
    await vi.waitFor(() => expect(onCancelled).toHaveBeenCalled(), { timeout: 5000 });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/appointments/appt-1/cancel');
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({ reason: 'Sick' });
  });

  it('does not warn two days ahead', () => {
    const { dialog } = renderDialog(anAppointmentIn(48));
    expect(within(dialog).queryByText(/late cancellation/)).not.toBeInTheDocument();
  });
});

describe('CancelDialog for an appointment of a series', () => {
  it('cancels this and the following appointments when asked, and refreshes the appointment lists', async () => {
    const appointment = { ...anAppointmentIn(48), seriesId: 'series-1' };
    fetchMock.mockResolvedValueOnce(jsonResponse({ ...appointment, status: 'cancelled' }));
    const { dialog, user, onCancelled, queryClient } = renderDialog(appointment);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');

    const scopes = within(dialog).getByRole('group', { name: 'Which appointments' });
    expect(
      within(scopes)
        .getAllByRole('radio')
        .map((radio) => radio.nextSibling?.textContent),
    ).toEqual(['This appointment', 'This and following']);
    expect(within(scopes).getByLabelText('This appointment')).toBeChecked();
    await user.click(within(scopes).getByLabelText('This and following'));
    await user.type(within(dialog).getByLabelText('Reason'), 'Moving away');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel appointment' }));

    await vi.waitFor(() => expect(onCancelled).toHaveBeenCalled(), { timeout: 5000 });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/appointments/appt-1/cancel');
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({
      reason: 'Moving away',
      scope: 'following',
    });
    await vi.waitFor(() => expect(invalidate).toHaveBeenCalledWith({ queryKey: appointmentsQueryKey }), {
      timeout: 5000,
    });
  });

  it('offers no choice for a single appointment', () => {
    const { dialog } = renderDialog(anAppointmentIn(48));
    expect(within(dialog).queryByRole('group', { name: 'Which appointments' })).not.toBeInTheDocument();
  });
});
