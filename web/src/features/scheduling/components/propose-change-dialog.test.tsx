import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { anAppointment } from '../api/appointment-fixture';
import { ProposeChangeDialog } from './propose-change-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const appointment = anAppointment({
  seriesId: 'series-1',
  place: 'home',
  end: new Date(2031, 0, 6, 17, 0).toISOString(),
  version: 3,
});

/** The care team read answers with the therapist and a supervisor; the proposal with what `answer` gives. */
function serve(answer: () => Response) {
  fetchMock.mockImplementation((input) =>
    Promise.resolve(
      String(input).startsWith('/api/children/')
        ? jsonResponse({
            careTeam: [
              { userId: 'rbt-1', name: 'Toni Tech', credential: 'RBT', role: 'technician' },
              { userId: 'bcba-1', name: 'Sam Super', credential: 'BCBA', role: 'supervisor' },
            ],
          })
        : answer(),
    ),
  );
}

function renderDialog() {
  const onProposed = vi.fn();
  const rendered = renderWithProviders(
    <ProposeChangeDialog
      appointment={appointment}
      childName="Robin Lee"
      therapistId="rbt-1"
      onClose={vi.fn()}
      onProposed={onProposed}
    />,
  );
  return { ...rendered, onProposed, dialog: screen.getByRole('dialog', { name: 'Propose a change' }) };
}

function proposals() {
  return fetchMock.mock.calls.filter(([input]) => String(input).endsWith('/change-requests'));
}

describe('ProposeChangeDialog', () => {
  it('sends the new times, which occurrences, a colleague and the note', async () => {
    serve(() => jsonResponse({ id: 'request-1', status: 'pending' }, { status: 201 }));
    const { dialog, user, onProposed } = renderDialog();

    await user.clear(within(dialog).getByLabelText('New date'));
    await user.type(within(dialog).getByLabelText('New date'), '2031-01-07');
    await user.clear(within(dialog).getByLabelText('New start'));
    await user.type(within(dialog).getByLabelText('New start'), '16:00');
    await user.clear(within(dialog).getByLabelText('New end'));
    await user.type(within(dialog).getByLabelText('New end'), '18:00');
    await user.click(within(dialog).getByLabelText('This and following'));
    await within(dialog).findByRole('option', { name: 'Sam Super' });
    expect(within(dialog).queryByRole('option', { name: 'Toni Tech' })).not.toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText('Therapist'), 'bcba-1');
    await user.type(within(dialog).getByLabelText('Note for the office (optional)'), 'School trip on Monday');
    await user.click(within(dialog).getByRole('button', { name: 'Send proposal' }));

    await vi.waitFor(
      () => expect(onProposed).toHaveBeenCalledWith('Your change for Robin Lee was sent to the office.'),
      { timeout: 5000 },
    );
    expect(proposals()[0][0]).toBe('/api/appointments/appt-1/change-requests');
    const body = JSON.parse(String(proposals()[0][1]?.body));
    expect(body).toMatchObject({ scope: 'following', therapistId: 'bcba-1', note: 'School trip on Monday' });
    expect(new Date(body.start)).toEqual(new Date(2031, 0, 7, 16, 0));
    expect(new Date(body.end)).toEqual(new Date(2031, 0, 7, 18, 0));
  });

  it('sends nothing when the end is not after the start', async () => {
    serve(() => jsonResponse({}));
    const { dialog, user } = renderDialog();

    await user.clear(within(dialog).getByLabelText('New end'));
    await user.type(within(dialog).getByLabelText('New end'), '14:00');
    await user.click(within(dialog).getByRole('button', { name: 'Send proposal' }));

    expect(within(dialog).getByLabelText('New start')).toHaveAccessibleDescription('The end must be after the start');
    expect(proposals()).toHaveLength(0);
  });

  it('shows why the server refused, and stays open', async () => {
    serve(() =>
      problemResponse(409, {
        type: 'https://sparktherapy.org/problems/change-request-pending',
        title: 'A change is already proposed',
        detail: 'This appointment already has a pending change request; withdraw it or wait for a decision.',
      }),
    );
    const { dialog, user, onProposed } = renderDialog();

    await user.click(within(dialog).getByRole('button', { name: 'Send proposal' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('already has a pending change request');
    expect(onProposed).not.toHaveBeenCalled();
  });
});
