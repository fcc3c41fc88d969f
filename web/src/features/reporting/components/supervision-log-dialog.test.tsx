import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endSession, startSession } from '../../../lib/auth-session';
import { formatDay, toDay } from '../../../lib/dates';
import { anAdmin, aTherapist, aTokenResponse } from '../../../test/fixtures';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { SupervisionLogDialog } from './supervision-log-dialog';
import { SupervisionLogSection } from './supervision-log-section';

const fetchMock = vi.fn<typeof fetch>();

function page<T>(content: T[]) {
  return { content, page: { number: 0, size: 200, totalElements: content.length, totalPages: 1 } };
}

const therapists = page([
  aTherapist({ id: 'rbt-a', name: 'Riley Brooks', credential: 'RBT' }),
  aTherapist({ id: 'rbt-b', name: 'Sam Lee', credential: 'RBT' }),
  aTherapist({ id: 'bcba-1', name: 'Bea Carter', credential: 'BCBA' }),
  aTherapist({ id: 'other-1', name: 'Otto Other', credential: 'other' }),
]);

const contact = {
  id: 'contact-1',
  heldOn: toDay(new Date()),
  minutes: 45,
  kind: 'group',
  withChild: true,
  technicianIds: ['rbt-a', 'rbt-b'],
  technicians: [
    { id: 'rbt-a', name: 'Riley Brooks' },
    { id: 'rbt-b', name: 'Sam Lee' },
  ],
  supervisorId: 'bcba-1',
  supervisorName: 'Bea Carter',
  recordedAt: '2026-09-10T10:00:00Z',
  recordedBy: 'admin-1',
};

/** The requests sent, and the answer to the POST (a saved contact unless a test says otherwise). */
let posted: unknown[] = [];
let postAnswer: () => Response = () => jsonResponse(contact);

beforeEach(() => {
  posted = [];
  postAnswer = () => jsonResponse(contact);
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (init?.method === 'POST' && url === '/api/reports/supervision-contacts') {
      posted.push(JSON.parse(String(init.body)));
      return postAnswer();
    }
    if (url.startsWith('/api/users?')) return jsonResponse(therapists);
    if (url.startsWith('/api/children?')) return jsonResponse(page([{ id: 'child-1' }, { id: 'child-2' }]));
    if (url === '/api/children/child-1') {
      return jsonResponse({
        careTeam: [
          { userId: 'bcba-1', name: 'Bea Carter', role: 'supervisor', credential: 'BCBA' },
          { userId: 'rbt-a', name: 'Riley Brooks', role: 'technician', credential: 'RBT' },
        ],
      });
    }
    if (url === '/api/children/child-2') {
      return jsonResponse({
        careTeam: [
          { userId: 'rbt-a', name: 'Riley Brooks', role: 'technician', credential: 'RBT' },
          { userId: 'rbt-b', name: 'Sam Lee', role: 'technician', credential: 'RBT' },
        ],
      });
    }
    if (url.startsWith('/api/reports/supervision-contacts?')) return jsonResponse(page([contact]));
    return jsonResponse({}, { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  cleanup();
  endSession();
});

function renderDialog(isAdmin: boolean) {
  const onClose = vi.fn();
  const onLogged = vi.fn();
  const rendered = renderWithProviders(
    <SupervisionLogDialog open onClose={onClose} isAdmin={isAdmin} onLogged={onLogged} />,
  );
  return { ...rendered, onClose, onLogged };
}

const technicians = () => screen.getByRole('group', { name: /technician/i });

describe('SupervisionLogDialog', () => {
  it('refuses a group with one technician and minutes out of range, sending nothing', async () => {
    const { user } = renderDialog(false);
    await user.click(await screen.findByRole('checkbox', { name: 'Riley Brooks' }));
    await user.click(screen.getByRole('radio', { name: /group/i }));
    await user.type(screen.getByLabelText(/^Minutes/), '601');
    await user.click(screen.getByRole('button', { name: 'Log supervision' }));

    expect(await within(technicians()).findByText('A group contact names 2 to 10 technicians')).toBeInTheDocument();
    expect(screen.getByText('Enter whole minutes from 1 to 600')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Minutes/)).toHaveAttribute('aria-invalid', 'true');
    expect(posted).toEqual([]);

    await user.clear(screen.getByLabelText(/^Minutes/));
    await user.type(screen.getByLabelText(/^Minutes/), '0');
    await user.click(screen.getByRole('button', { name: 'Log supervision' }));
    expect(await screen.findByText('Enter whole minutes from 1 to 600')).toBeInTheDocument();
    expect(posted).toEqual([]);
  });

  it('refuses an individual contact naming two technicians', async () => {
    const { user } = renderDialog(false);
    await user.click(await screen.findByRole('checkbox', { name: 'Riley Brooks' }));
    await user.click(screen.getByRole('checkbox', { name: 'Sam Lee' }));
    await user.type(screen.getByLabelText(/^Minutes/), '30');
    await user.click(screen.getByRole('button', { name: 'Log supervision' }));
    expect(
      await within(technicians()).findByText('An individual contact names exactly one technician'),
    ).toBeInTheDocument();
    expect(posted).toEqual([]);
  });

  it('shows the server’s 400 at the field its pointer names', async () => {
    postAnswer = () =>
      problemResponse(400, {
        title: 'Bad Request',
        detail: 'The request has invalid fields.',
        errors: [{ pointer: '/technicianIds/0', detail: 'is not an active RBT' }],
      });
    const { user, onClose } = renderDialog(false);
    await user.click(await screen.findByRole('checkbox', { name: 'Riley Brooks' }));
    await user.type(screen.getByLabelText(/^Minutes/), '30');
    await user.click(screen.getByRole('button', { name: 'Log supervision' }));

    expect(await within(technicians()).findByText('is not an active RBT')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('a supervisor sends their contact without a supervisorId, choosing from their children’s RBTs', async () => {
    startSession(aTokenResponse(aTherapist({ id: 'bcba-1', credential: 'BCBA' })));
    const { user, onClose, onLogged } = renderDialog(false);
    expect(await screen.findByRole('checkbox', { name: 'Sam Lee' })).toBeInTheDocument();
    expect(screen.queryByLabelText(/supervisor/i)).not.toBeInTheDocument();
    expect(screen.getAllByRole('checkbox', { name: 'Riley Brooks' })).toHaveLength(1);
    expect(screen.getByLabelText('Date')).toHaveFocus();

    await user.click(screen.getByRole('radio', { name: /group/i }));
    await user.click(screen.getByRole('checkbox', { name: 'Riley Brooks' }));
    await user.click(screen.getByRole('checkbox', { name: 'Sam Lee' }));
    await user.type(screen.getByLabelText(/^Minutes/), '45');
    await user.click(screen.getByRole('checkbox', { name: /with a child/i }));
    await user.click(screen.getByRole('button', { name: 'Log supervision' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(posted).toEqual([
      {
        heldOn: toDay(new Date()),
        minutes: 45,
        kind: 'group',
        withChild: true,
        technicianIds: ['rbt-a', 'rbt-b'],
      },
    ]);
    expect(onLogged).toHaveBeenCalledWith(toDay(new Date()));
    expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith('/api/users'))).toBe(false);
  });

  it('an admin names the supervisor, chosen among the BCBAs and BCaBAs', async () => {
    startSession(aTokenResponse(anAdmin()));
    const { user, onClose } = renderDialog(true);
    const supervisor = await screen.findByLabelText('Supervisor (BCBA or BCaBA)');
    expect(supervisor).toHaveFocus();
    await screen.findByRole('option', { name: 'Bea Carter' });
    expect(within(supervisor).queryByRole('option', { name: 'Riley Brooks' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Otto Other' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText(/^Minutes/), '30');
    await user.click(screen.getByRole('checkbox', { name: 'Sam Lee' }));
    await user.click(screen.getByRole('button', { name: 'Log supervision' }));
    expect(await screen.findByText('Choose the supervisor')).toBeInTheDocument();
    expect(posted).toEqual([]);

    await user.selectOptions(supervisor, 'bcba-1');
    await user.click(screen.getByRole('button', { name: 'Log supervision' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(posted).toEqual([
      {
        heldOn: toDay(new Date()),
        minutes: 30,
        kind: 'individual',
        withChild: false,
        technicianIds: ['rbt-b'],
        supervisorId: 'bcba-1',
      },
    ]);
  });
});

describe('SupervisionLogSection', () => {
  const period = { from: '2026-09-01', to: '2026-09-30' };

  it('lists the contacts with the technicians’ names and refreshes after logging', async () => {
    startSession(aTokenResponse(anAdmin()));
    const { user, queryClient } = renderWithProviders(<SupervisionLogSection period={period} />);
    const table = await screen.findByRole('table');
    const row = within(table).getAllByRole('row')[1];
    expect(within(row).getByText('Riley Brooks, Sam Lee')).toBeInTheDocument();
    expect(within(row).getByText('Bea Carter')).toBeInTheDocument();
    expect(within(row).getByText('Group')).toBeInTheDocument();
    expect(within(row).getByText('Yes')).toBeInTheDocument();

    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    await user.click(screen.getByRole('button', { name: 'Log supervision' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log supervision' });
    await user.selectOptions(within(dialog).getByLabelText('Supervisor (BCBA or BCaBA)'), 'bcba-1');
    await user.type(within(dialog).getByLabelText(/^Minutes/), '30');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Riley Brooks' }));
    await user.click(within(dialog).getByRole('button', { name: 'Log supervision' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['reports', 'oversight', 'supervision-contacts'] });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['reports', 'oversight', 'supervision'] });
    expect(screen.getByRole('status')).toHaveTextContent('logged');
  });

  it('names technicians from the server, also one that no picker lists', async () => {
    startSession(aTokenResponse(anAdmin()));
    const unlisted = {
      ...contact,
      id: 'contact-2',
      kind: 'individual',
      technicianIds: ['rbt-gone'],
      technicians: [{ id: 'rbt-gone', name: 'Dana Former' }],
    };
    fetchMock.mockImplementation(async (input) => {
      const url = String(input);
      if (url.startsWith('/api/users?')) return jsonResponse(therapists);
      if (url.startsWith('/api/reports/supervision-contacts?')) return jsonResponse(page([unlisted]));
      return jsonResponse({}, { status: 404 });
    });
    renderWithProviders(<SupervisionLogSection period={period} />);
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Dana Former')).toBeInTheDocument();
    expect(within(table).queryByText('Unknown technician')).not.toBeInTheDocument();
    expect(table).toHaveClass('report-table');
    for (const cell of within(table).getAllByRole('cell')) expect(cell).toHaveAttribute('data-label');
  });

  it('pages through a period with more contacts than a page', async () => {
    startSession(aTokenResponse(anAdmin()));
    const requested: string[] = [];
    fetchMock.mockImplementation(async (input) => {
      const url = String(input);
      if (!url.startsWith('/api/reports/supervision-contacts?')) return jsonResponse({}, { status: 404 });
      requested.push(url);
      const number = Number(new URL(url, 'http://localhost').searchParams.get('page'));
      const day = number === 0 ? '2026-09-20' : '2026-09-02';
      return jsonResponse({
        content: [{ ...contact, id: `contact-page-${number}`, heldOn: day }],
        page: { number, size: 20, totalElements: 21, totalPages: 2 },
      });
    });
    const { user } = renderWithProviders(<SupervisionLogSection period={period} />);
    expect(await screen.findByRole('table', { name: 'Supervision contacts (21)' })).toBeInTheDocument();
    expect(requested[0]).toBe('/api/reports/supervision-contacts?from=2026-09-01&to=2026-09-30&page=0&size=20');
    const pages = screen.getByRole('navigation', { name: 'Pages of supervision contacts' });
    await user.click(within(pages).getByRole('button', { name: /next/i }));
    expect(await screen.findByText(formatDay('2026-09-02'))).toBeInTheDocument();
    expect(requested).toContain('/api/reports/supervision-contacts?from=2026-09-01&to=2026-09-30&page=1&size=20');
  });

  it('shows nothing to an RBT', () => {
    startSession(aTokenResponse(aTherapist({ credential: 'RBT' })));
    const { container } = renderWithProviders(<SupervisionLogSection period={period} />);
    expect(container).toBeEmptyDOMElement();
  });
});
