import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { Proposal, ProposalSlot } from '../api/appointment-types';
import { PlacementDialog } from './placement-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const slot: ProposalSlot = {
  id: 'placed-1',
  childId: 'child-1',
  therapistId: 'rbt-1',
  serviceCode: '97153',
  place: 'clinic',
  start: new Date(2031, 0, 6, 15, 0).toISOString(),
  end: new Date(2031, 0, 6, 17, 0).toISOString(),
  appointmentId: null,
};

const proposal: Proposal = {
  id: 'proposal-1',
  weekStart: '2031-01-06',
  scoreSummary: 'All rules met; every prescribed hour placed; every preference met',
  score: '0hard/0medium/0soft',
  placed: [slot],
  unplaced: [],
  existing: [],
  summary: {
    sessions: 1,
    hours: 2,
    children: 1,
    unplacedHours: 0,
    perChild: [{ childId: 'child-1', sessions: 1, hours: 2, alreadyBookedHours: 0, unplacedHours: 0 }],
    perTherapist: [{ therapistId: 'rbt-1', name: 'Toni Tech', sessions: 1, hours: 2 }],
  },
  status: 'draft',
  version: 2,
  warnings: [],
};

function serve(answer: () => Response) {
  fetchMock.mockImplementation((input) =>
    Promise.resolve(
      String(input).startsWith('/api/children/')
        ? jsonResponse({ careTeam: [{ userId: 'rbt-1', name: 'Toni Tech', credential: 'RBT', role: 'technician' }] })
        : answer(),
    ),
  );
}

function renderDialog() {
  const onChanged = vi.fn();
  const rendered = renderWithProviders(
    <PlacementDialog
      proposal={proposal}
      edit={{ slot, start: new Date(2031, 0, 7, 16, 0) }}
      childName="Robin Lee"
      onClose={vi.fn()}
      onChanged={onChanged}
    />,
  );
  return { ...rendered, onChanged, dialog: screen.getByRole('dialog', { name: 'Adjust draft session' }) };
}

function sent(method: string) {
  return fetchMock.mock.calls.filter(([, init]) => init?.method === method);
}

describe('PlacementDialog', () => {
  it('moves the session to the dragged time, keeping its length, at the draft version', async () => {
    serve(() => jsonResponse({ ...proposal, version: 3 }));
    const { dialog, user, onChanged } = renderDialog();

    expect(within(dialog).getByLabelText('Start')).toHaveValue('16:00');
    expect(within(dialog).getByLabelText('End')).toHaveValue('18:00');
    await user.click(within(dialog).getByRole('button', { name: 'Save change' }));

    await vi.waitFor(() => expect(onChanged).toHaveBeenCalled(), { timeout: 5000 });
    const [path, init] = sent('PATCH')[0];
    expect(path).toBe('/api/schedule/proposals/proposal-1/placements/placed-1');
    expect((init?.headers as Record<string, string>)['If-Match']).toBe('"2"');
    expect(new Date(JSON.parse(String(init?.body)).start)).toEqual(new Date(2031, 0, 7, 16, 0));
  });

  it('lists what is in the way when the server refuses the move', async () => {
    serve(() =>
      problemResponse(409, {
        type: 'https://sparktherapy.org/problems/placement-conflict',
        title: 'The session conflicts with the schedule',
        detail: 'The session conflicts with the schedule or the draft’s other sessions; the draft was not changed.',
        errors: [{ pointer: '/start', detail: 'The therapist is on time off at 2031-01-07T16:00:00Z' }],
      }),
    );
    const { dialog, user, onChanged } = renderDialog();

    await user.click(within(dialog).getByRole('button', { name: 'Save change' }));

    expect(await within(dialog).findByRole('list', { name: 'Conflicts' })).toHaveTextContent('on time off');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('says the move is refused where the clinic blocks sessions beyond the authorization', async () => {
    serve(() =>
      problemResponse(409, {
        type: 'https://sparktherapy.org/problems/authorization-exceeded',
        title: 'Beyond the child’s authorization',
        detail: 'A session of 97153 (8 units) outside authorization AUTH-7. Nothing was booked or moved.',
        warnings: [
          {
            kind: 'outside_dates',
            serviceCode: '97153',
            authorizationId: 'auth-7',
            authorizationNumber: 'AUTH-7',
            shortfallUnits: 8,
            message: 'A session of 97153 (8 units) outside authorization AUTH-7, which runs 2031-01-06 to 2031-01-08.',
          },
        ],
      }),
    );
    const { dialog, user, onChanged } = renderDialog();

    await user.click(within(dialog).getByRole('button', { name: 'Save change' }));

    const refusal = await within(dialog).findByRole('alert');
    expect(refusal).toHaveTextContent('Not moved: beyond the child');
    expect(refusal).toHaveTextContent('outside authorization AUTH-7');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('takes the session out of the draft', async () => {
    serve(() => jsonResponse({ ...proposal, placed: [], version: 3 }));
    const { dialog, user, onChanged } = renderDialog();

    await user.click(within(dialog).getByRole('button', { name: 'Remove from draft' }));

    await vi.waitFor(
      () =>
        expect(onChanged).toHaveBeenCalledWith(
          expect.objectContaining({ placed: [] }),
          'The session with Robin Lee was taken out of the draft.',
        ),
      { timeout: 5000 },
    );
    expect(sent('DELETE')[0][0]).toBe('/api/schedule/proposals/proposal-1/placements/placed-1');
  });

  it('offers only therapists whose credential may deliver the session', async () => {
    const supervision: ProposalSlot = { ...slot, serviceCode: '97155', therapistId: 'bcba-1' };
    fetchMock.mockImplementation(() =>
      Promise.resolve(
        jsonResponse({
          careTeam: [
            { userId: 'rbt-1', name: 'Toni Tech', credential: 'RBT', role: 'technician' },
            { userId: 'bcba-1', name: 'Bea Board', credential: 'BCBA', role: 'supervisor' },
            { userId: 'bcaba-1', name: 'Cai Assistant', credential: 'BCaBA', role: 'supervisor' },
          ],
        }),
      ),
    );
    renderWithProviders(
      <PlacementDialog
        proposal={{ ...proposal, placed: [supervision] }}
        edit={{ slot: supervision, start: new Date(supervision.start) }}
        childName="Robin Lee"
        onClose={vi.fn()}
        onChanged={vi.fn()}
      />,
    );
    const therapist = within(screen.getByRole('dialog', { name: 'Adjust draft session' })).getByLabelText('Therapist');

    await vi.waitFor(() => expect(within(therapist).getAllByRole('option')).toHaveLength(2), { timeout: 5000 });
    expect(
      within(therapist)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Bea Board', 'Cai Assistant']);
  });
});
