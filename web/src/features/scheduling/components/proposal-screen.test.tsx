import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { toDay } from '../../../lib/dates';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { Proposal } from '../api/appointment-types';
import { ProposalScreen } from './proposal-screen';
import { addDays, startOfWeek } from './schedule-math';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const monday = addDays(startOfWeek(new Date()), 7);

function at(day: number, hour: number): string {
  return new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + day, hour, 0).toISOString();
}

const page = (content: unknown[]) => ({
  content,
  page: { number: 0, size: 200, totalElements: content.length, totalPages: 1 },
});

const proposal: Proposal = {
  id: 'proposal-1',
  weekStart: toDay(monday),
  scoreSummary: 'All rules met; every prescribed hour placed; 1 preference not met (1 place change)',
  score: '0hard/0medium/-5soft',
  status: 'draft',
  version: 0,
  warnings: [],
  placed: [
    {
      id: 'placed-1',
      childId: 'child-1',
      therapistId: 'rbt-1',
      serviceCode: '97153',
      place: 'clinic',
      start: at(2, 15),
      end: at(2, 17),
      appointmentId: null,
    },
    {
      id: 'placed-2',
      childId: 'child-1',
      therapistId: 'rbt-1',
      serviceCode: '97153',
      place: 'clinic',
      start: at(3, 15),
      end: at(3, 17),
      appointmentId: null,
    },
  ],
  unplaced: [],
  existing: [
    {
      appointmentId: 'appointment-1',
      childId: 'child-1',
      therapistId: 'bcba-1',
      serviceCode: '97155',
      place: 'clinic',
      start: at(0, 13),
      end: at(0, 15),
    },
  ],
  summary: {
    sessions: 2,
    hours: 4,
    children: 1,
    unplacedHours: 0,
    perChild: [{ childId: 'child-1', sessions: 2, hours: 4, alreadyBookedHours: 2, unplacedHours: 0 }],
    perTherapist: [{ therapistId: 'rbt-1', name: 'Toni Tech', sessions: 2, hours: 4 }],
  },
};

const over = {
  kind: 'over' as const,
  serviceCode: '97153',
  authorizationId: 'auth-1',
  authorizationNumber: 'PA-2026-97153-1001',
  shortfallUnits: 6,
  message: 'Authorization PA-2026-97153-1001 (97153) is 6 units short: 46 used or planned of 40 authorized.',
};

function serve(accepted: () => Response = () => jsonResponse({ ...proposal, status: 'accepted' })) {
  fetchMock.mockImplementation((input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (url.startsWith('/api/children'))
      return Promise.resolve(
        jsonResponse(
          page([{ id: 'child-1', firstName: 'Robin', lastName: 'Lee', preferredName: null, status: 'active' }]),
        ),
      );
    if (url.startsWith('/api/users'))
      return Promise.resolve(
        jsonResponse(
          page([
            { id: 'rbt-1', name: 'Toni Tech', credential: 'RBT' },
            { id: 'bcba-1', name: 'Bea Board', credential: 'BCBA' },
          ]),
        ),
      );
    if (url === '/api/schedule/proposals' && method === 'POST')
      return Promise.resolve(jsonResponse(proposal, { status: 201 }));
    if (url.endsWith('/accept')) return Promise.resolve(accepted());
    if (method === 'PATCH') return Promise.resolve(jsonResponse({ ...proposal, version: 3, warnings: [over] }));
    if (url.startsWith('/api/appointments')) return Promise.resolve(jsonResponse(page([])));
    return Promise.resolve(jsonResponse({}, { status: 404 }));
  });
}

function posted(suffix: string) {
  return fetchMock.mock.calls.filter(([input, init]) => init?.method === 'POST' && String(input).endsWith(suffix));
}

async function proposeTheWeek(accepted?: () => Response) {
  serve(accepted);
  const rendered = renderWithProviders(<ProposalScreen />);
  await rendered.user.click(screen.getByRole('button', { name: 'Propose' }));
  await screen.findByRole('heading', { name: 'Draft week' });
  return rendered;
}

describe('ProposalScreen', () => {
  it('shows the appointments already booked in the week, greyed and fixed, beside the draft', async () => {
    await proposeTheWeek();

    const calendar = screen.getByRole('region', { name: 'Draft week calendar' });
    const booked = await within(calendar).findByRole('note', { name: /^Already booked: .*Robin Lee with Bea Board/ });
    expect(booked).toHaveClass('sched-existing');
    expect(within(calendar).queryByRole('button', { name: /Already booked/ })).toBeNull();
    expect(within(calendar).getAllByRole('button', { name: /^Draft: .*Robin Lee with Toni Tech/ })).toHaveLength(2);
    expect(screen.getByText(/2 sessions placed around 1 already booked/)).toBeInTheDocument();
  });

  it('says the score in words, not as a raw score', async () => {
    await proposeTheWeek();

    expect(
      screen.getByText('All rules met; every prescribed hour placed; 1 preference not met (1 place change)'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/0hard/)).toBeNull();
  });

  it('asks before booking, with what accepting books per child and therapist', async () => {
    const { user } = await proposeTheWeek();

    await user.click(screen.getByRole('button', { name: 'Accept and book' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Book this week?' });
    expect(dialog).toHaveAccessibleDescription('Book 2 sessions, 4 hours for 1 child?');
    const perChild = within(dialog).getByRole('table', { name: 'Per child' });
    expect(within(perChild).getByRole('row', { name: /Robin Lee/ })).toHaveTextContent(
      'Robin Lee2 sessions, 4 h2 h0 h',
    );
    const perTherapist = within(dialog).getByRole('table', { name: 'Per therapist' });
    expect(within(perTherapist).getByRole('row', { name: /Toni Tech/ })).toHaveTextContent('Toni Tech2 sessions, 4 h');
    expect(posted('/accept')).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Go back' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(posted('/accept')).toHaveLength(0);
  });

  it('books the week once the question is answered', async () => {
    const { user } = await proposeTheWeek();

    await user.click(screen.getByRole('button', { name: 'Accept and book' }));
    await user.click(
      within(screen.getByRole('alertdialog', { name: 'Book this week?' })).getByRole('button', {
        name: 'Book 2 sessions',
      }),
    );

    expect(await screen.findByText('The week was booked')).toBeInTheDocument();
    expect(posted('/api/schedule/proposals/proposal-1/accept')).toHaveLength(1);
  });

  async function acceptTheWeek(accepted: () => Response) {
    const { user } = await proposeTheWeek(accepted);
    await user.click(screen.getByRole('button', { name: 'Accept and book' }));
    await user.click(
      within(screen.getByRole('alertdialog', { name: 'Book this week?' })).getByRole('button', {
        name: 'Book 2 sessions',
      }),
    );
  }

  it('says which authorization a session moved in the draft goes beyond, before the week is accepted', async () => {
    const { user } = await proposeTheWeek();
    const calendar = screen.getByRole('region', { name: 'Draft week calendar' });

    await user.click(within(calendar).getAllByRole('button', { name: /^Draft: .*Robin Lee with Toni Tech/ })[0]);
    const dialog = await screen.findByRole('dialog', { name: 'Adjust draft session' });
    await user.click(within(dialog).getByRole('button', { name: 'Save change' }));

    expect(await screen.findByText("The moved session goes beyond the child's authorization")).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Authorization warnings' })).toHaveTextContent(
      'PA-2026-97153-1001 (97153) is 6 units short',
    );
    expect(posted('/accept')).toHaveLength(0);
  });

  it('says which authorization the booked week goes beyond, and by how many units', async () => {
    await acceptTheWeek(() => jsonResponse({ ...proposal, status: 'accepted', warnings: [over] }));

    expect(await screen.findByText('The week was booked')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Authorization warnings' })).toHaveTextContent(
      'PA-2026-97153-1001 (97153) is 6 units short',
    );
  });

  it('shows why a clinic that blocks refused the week, and that nothing was booked', async () => {
    await acceptTheWeek(() =>
      problemResponse(409, {
        type: 'https://sparktherapy.org/problems/authorization-exceeded',
        title: "Beyond the child's authorization",
        detail: `${over.message} The clinic does not book beyond authorizations; nothing was booked or moved.`,
        warnings: [over],
      }),
    );

    expect(await screen.findByText("Not booked: beyond the child's authorization")).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Authorization problems' })).toHaveTextContent('6 units short');
    expect(screen.queryByText('The week was booked')).toBeNull();
  });
});
