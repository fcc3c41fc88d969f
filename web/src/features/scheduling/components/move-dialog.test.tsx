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

/** The check before saving finds nothing; every other request gets the next of `responses`. */
function answer(...responses: Response[]) {
  const queue = [...responses];
  fetchMock.mockImplementation((input) =>
    Promise.resolve(
      String(input).endsWith('/check') ? jsonResponse({ warnings: [], blocked: false, conflicts: [] }) : queue.shift()!,
    ),
  );
}

/** The requests that saved (not the checks). */
function saves() {
  return fetchMock.mock.calls.filter(([input]) => !String(input).endsWith('/check'));
}

async function moveInto(...responses: Response[]) {
  answer(...responses);
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

    await vi.waitFor(() => expect(saves()).toHaveLength(2), { timeout: 5000 });
    expect(JSON.parse(String(saves()[1][1]?.body))).toMatchObject({
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

describe('MoveDialog before saving', () => {
  const over = {
    kind: 'outside_dates',
    serviceCode: '97153',
    authorizationId: 'auth-1',
    authorizationNumber: 'AUTH-7',
    shortfallUnits: 4,
    message: 'A session of 97153 (4 units) outside authorization AUTH-7, which runs 2026-12-01 to 2026-12-06.',
  };

  it('checks the move as it stands and says plainly when the clinic will refuse it', async () => {
    fetchMock.mockImplementation((input) =>
      Promise.resolve(
        String(input).endsWith('/check')
          ? jsonResponse({ warnings: [over], blocked: true, conflicts: [] })
          : jsonResponse(appointment),
      ),
    );
    renderWithProviders(
      <MoveDialog
        request={{ appointment, start: new Date(appointment.start) }}
        childName="Robin Lee"
        onClose={vi.fn()}
        onMoved={vi.fn()}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Move appointment' });

    const refusal = await within(dialog).findByRole('alert');
    expect(refusal).toHaveTextContent('Save will be refused: beyond the child’s authorization');
    expect(refusal).toHaveTextContent('outside authorization AUTH-7');
    expect(refusal).toHaveTextContent('The clinic does not move beyond authorizations');
    expect(saves()).toHaveLength(0);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(`/api/appointments/${appointment.id}/check`);
    expect(JSON.parse(String(init?.body))).toMatchObject({ scope: 'this' });
  });
});
