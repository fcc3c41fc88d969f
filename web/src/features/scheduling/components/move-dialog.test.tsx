import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { anAppointment } from '../api/appointment-fixture';
import { MoveDialog } from './move-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const appointment = anAppointment();

function aConflict(...kinds: string[]) {
  return problemResponse(409, {
    type: 'https://sparktherapy.org/problems/appointment-conflict',
    title: 'Appointment conflicts',
    detail: 'The appointment conflicts with the schedule; nothing was booked.',
    errors: kinds.map((kind) => ({ pointer: '/occurrences/0', detail: `A ${kind}` })),
    conflicts: kinds.map((kind) => ({ pointer: '/occurrences/0', kind, who: 'therapist' })),
  });
}

async function moveInto(...responses: Response[]) {
  responses.forEach((response) => fetchMock.mockResolvedValueOnce(response));
  const rendered = renderWithProviders(
    <MoveDialog
      request={{ appointment, start: new Date(appointment.start) }}
      childName="Robin Lee"
      onClose={vi.fn()}
      onMoved={vi.fn()}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: 'Move appointment' });
  await rendered.user.click(within(dialog).getByRole('button', { name: 'Save move' }));
  await within(dialog).findByRole('list', { name: 'Conflicts' });
  return { ...rendered, dialog };
}

describe('MoveDialog after a conflict', () => {
  it('offers the override for hours and time off, and sends its reason', async () => {
    const { dialog, user } = await moveInto(
      aConflict('outside-hours', 'time-off'),
      jsonResponse({ ...appointment, version: 1 }),
    );

    await user.click(within(dialog).getByLabelText('Move anyway (override)'));
    await user.type(within(dialog).getByLabelText('Override reason'), 'Family asked');
    await user.click(within(dialog).getByRole('button', { name: 'Save move' }));

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2), { timeout: 5000 });
    expect(JSON.parse(String(fetchMock.mock.calls[1][1]?.body))).toMatchObject({
      override: { reason: 'Family asked' },
    });
  });

  it('never offers the override for a double booking, and says the slot must change', async () => {
    const { dialog } = await moveInto(aConflict('outside-hours', 'double-booking'));

    expect(within(dialog).queryByLabelText('Move anyway (override)')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'a double booking cannot be overridden: choose another time or therapist',
    );
  });
});
