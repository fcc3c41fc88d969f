import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { NewAppointmentDialog } from './new-appointment-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const children = {
  content: [{ id: 'c1', firstName: 'Ben', lastName: 'Diaz', preferredName: null, status: 'active' }],
  page: { number: 0, size: 200, totalElements: 1, totalPages: 1 },
};
const careTeam = { careTeam: [{ userId: 't1', name: 'Maya Okafor', credential: 'RBT', role: 'technician' }] };

/** The children and the care team for the pickers; booking answers with `booked`. */
async function book(booked: Response) {
  fetchMock.mockImplementation((input, init) =>
    Promise.resolve(
      init?.method === 'POST'
        ? booked
        : String(input).startsWith('/api/children?')
          ? jsonResponse(children)
          : jsonResponse(careTeam),
    ),
  );
  const rendered = renderWithProviders(
    <NewAppointmentDialog open defaultDate="2026-12-08" onClose={vi.fn()} onBooked={vi.fn()} />,
  );
  const dialog = screen.getByRole('dialog', { name: 'New appointment' });
  await within(dialog).findByRole('option', { name: 'Ben Diaz' });
  await rendered.user.selectOptions(within(dialog).getByLabelText('Child'), 'c1');
  await within(dialog).findByRole('option', { name: 'Maya Okafor (RBT)' });
  await rendered.user.selectOptions(within(dialog).getByLabelText('Therapist'), 't1');
  await rendered.user.click(within(dialog).getByRole('button', { name: 'Book' }));
  return { ...rendered, dialog };
}

describe('NewAppointmentDialog', () => {
  it('says a double booking in the server’s words: child, therapist, local day and time', async () => {
    const said = 'Maya Okafor already has a session with Ava C. on Tue 8 Dec, 9:00–11:00 AM';
    const { dialog } = await book(
      problemResponse(409, {
        type: 'https://sparktherapy.org/problems/appointment-conflict',
        title: 'Appointment conflicts',
        detail: `${said}. Nothing was booked or moved.`,
        errors: [{ pointer: '/occurrences/0', detail: said }],
        conflicts: [{ pointer: '/occurrences/0', kind: 'double-booking', who: 'therapist', appointmentId: 'a9' }],
      }),
    );

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(`${said}. Nothing was booked or moved.`);
    expect(alert.textContent?.split(said)).toHaveLength(2);
    expect(alert).not.toHaveTextContent('a9');
  });

  it('shows a field the server points at next to it, and the rest in the alert', async () => {
    const { dialog } = await book(
      problemResponse(400, {
        type: 'https://sparktherapy.org/problems/validation',
        title: 'Invalid request',
        detail: 'The request has invalid fields.',
        errors: [
          { pointer: '/therapistId', detail: 'is not on the child’s care team' },
          { pointer: '/unknownThing', detail: 'is not a known field' },
        ],
      }),
    );

    await vi.waitFor(
      () =>
        expect(within(dialog).getByLabelText('Therapist')).toHaveAccessibleDescription(
          'is not on the child’s care team',
        ),
      { timeout: 5000 },
    );
    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent('Unknown thing: is not a known field');
    expect(alert).not.toHaveTextContent('invalid fields');
  });
});
