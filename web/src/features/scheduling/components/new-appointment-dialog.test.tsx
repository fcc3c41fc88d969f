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

const nothingFound = { warnings: [], blocked: false, conflicts: [] };

/**
 * The children and the care team for the pickers; the check before saving answers `checked` (a function of the request
 * body, or a response), booking answers `booked`.
 */
function serve(booked: Response | null, checked: (body: unknown, init?: RequestInit) => Response | Promise<Response>) {
  fetchMock.mockImplementation((input, init) => {
    const url = String(input);
    if (url === '/api/appointments/check') return Promise.resolve(checked(JSON.parse(String(init?.body)), init));
    if (init?.method === 'POST') return Promise.resolve(booked ?? problemResponse(500, {}));
    return Promise.resolve(url.startsWith('/api/children?') ? jsonResponse(children) : jsonResponse(careTeam));
  });
}

/** Opens the dialog and chooses the child and the therapist: the form is then complete. */
async function fillIn() {
  const rendered = renderWithProviders(
    <NewAppointmentDialog open defaultDate="2026-12-08" onClose={vi.fn()} onBooked={vi.fn()} />,
  );
  const dialog = screen.getByRole('dialog', { name: 'New appointment' });
  await within(dialog).findByRole('option', { name: 'Ben Diaz' });
  await rendered.user.selectOptions(within(dialog).getByLabelText('Child'), 'c1');
  await within(dialog).findByRole('option', { name: 'Maya Okafor (RBT)' });
  await rendered.user.selectOptions(within(dialog).getByLabelText('Therapist'), 't1');
  return { ...rendered, dialog };
}

async function book(booked: Response) {
  serve(booked, () => jsonResponse(nothingFound));
  const rendered = await fillIn();
  await rendered.user.click(within(rendered.dialog).getByRole('button', { name: 'Book' }));
  return rendered;
}

/** The requests that booked (not the checks). */
function bookings() {
  return fetchMock.mock.calls.filter(
    ([input, init]) => init?.method === 'POST' && String(input) === '/api/appointments',
  );
}

function checks() {
  return fetchMock.mock.calls.filter(([input]) => String(input) === '/api/appointments/check');
}

const over = {
  kind: 'over',
  serviceCode: '97153',
  authorizationId: 'auth-1',
  authorizationNumber: 'AUTH-2291',
  shortfallUnits: 6,
  message: 'Authorization AUTH-2291 (97153) is 6 units short: 16 used or planned of 10 authorized.',
};

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

describe('NewAppointmentDialog before saving', () => {
  it('shows the payer warnings, naming the authorization and the shortfall, before Book is pressed', async () => {
    serve(null, () => jsonResponse({ warnings: [over], blocked: false, conflicts: [] }));
    const { dialog } = await fillIn();

    const warning = await within(dialog).findByRole('list', { name: 'Authorization warnings before saving' });
    expect(warning).toHaveTextContent('Authorization AUTH-2291 (97153) is 6 units short');
    expect(within(dialog).getByText('You can still save; the payer may not pay for these units.')).toBeVisible();
    expect(within(dialog).queryByText(/Save will be refused/)).not.toBeInTheDocument();
    expect(bookings()).toHaveLength(0);
    expect(checks().at(-1)?.[1]?.body).toBeDefined();
    expect(JSON.parse(String(checks().at(-1)?.[1]?.body))).toMatchObject({
      childId: 'c1',
      therapistId: 't1',
      serviceCode: '97153',
    });
  });

  it('says plainly that Save will be refused where the clinic blocks', async () => {
    serve(null, () => jsonResponse({ warnings: [over], blocked: true, conflicts: [] }));
    const { dialog } = await fillIn();

    const refusal = await within(dialog).findByRole('alert');
    expect(refusal).toHaveTextContent('Save will be refused: beyond the child’s authorization');
    expect(refusal).toHaveTextContent('AUTH-2291');
    expect(refusal).toHaveTextContent('The clinic does not book beyond authorizations');
  });

  it('checks only the settled form, cancels a check overtaken by a change, and shows the newest answer', async () => {
    const signals: AbortSignal[] = [];
    serve(null, (body, init) => {
      const { end } = body as { end: string };
      // the first complete form (10:00) is slow; the changed one (11:00) answers at once
      if (end.includes('T10:00')) {
        if (init?.signal) signals.push(init.signal);
        return new Promise<Response>(() => {});
      }
      return jsonResponse({ warnings: [over], blocked: false, conflicts: [] });
    });
    const { dialog, user } = await fillIn();
    await vi.waitFor(() => expect(checks()).toHaveLength(1), { timeout: 5000 });

    const end = within(dialog).getByLabelText('End time');
    await user.clear(end);
    await user.type(end, '11:00');

    await within(dialog).findByRole('list', { name: 'Authorization warnings before saving' });
    expect(signals[0]?.aborted).toBe(true);
    // typing "11:00" went through incomplete times: only the settled one was checked
    expect(checks()).toHaveLength(2);
  });

  it('offers the override before saving when the therapist is only outside their hours', async () => {
    serve(jsonResponse({ series: null, occurrences: [{ id: 'a1' }], warnings: [] }, { status: 201 }), () =>
      jsonResponse({
        warnings: [],
        blocked: false,
        conflicts: [
          {
            pointer: '/occurrences/0',
            kind: 'outside-hours',
            who: 'therapist',
            start: '2026-12-08T09:00:00Z',
            end: '2026-12-08T10:00:00Z',
            detail: 'Maya Okafor is not available on Tue 8 Dec, 9:00–10:00 AM (outside their weekly hours)',
          },
        ],
      }),
    );
    const { dialog, user } = await fillIn();

    const conflicts = await within(dialog).findByRole('list', { name: 'Conflicts before saving' });
    expect(conflicts).toHaveTextContent('outside their weekly hours');
    await user.click(within(dialog).getByLabelText('Book anyway (override)'));
    await user.type(within(dialog).getByLabelText('Override reason'), 'Parent asked');
    await user.click(within(dialog).getByRole('button', { name: 'Book anyway' }));

    await vi.waitFor(() => expect(bookings()).toHaveLength(1), { timeout: 5000 });
    expect(JSON.parse(String(bookings()[0][1]?.body))).toMatchObject({ override: { reason: 'Parent asked' } });
  });
});
