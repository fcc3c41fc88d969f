import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { CaseloadReport } from '../api/caseload-report';
import { CaseloadReportScreen, rulesFromSearch } from './caseload-report';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const report: CaseloadReport = {
  from: '2026-11-01',
  to: '2026-11-30',
  stalledSessions: 3,
  probeDays: 14,
  children: [
    {
      childId: 'child-1',
      name: 'Ava Carter',
      sessions: 12,
      mastered: [
        { targetId: 't-1', programId: 'p-1', programName: 'Receptive ID', name: 'dog', at: '2026-11-10T15:00:00Z' },
      ],
      stalled: [
        { targetId: 't-2', programId: 'p-2', programName: 'Manding', name: 'water', at: '2026-09-01T15:00:00Z' },
      ],
      probesDue: [
        {
          targetId: 't-3',
          programId: 'p-1',
          programName: 'Receptive ID',
          name: 'cat',
          maintenanceSince: '2026-10-01T15:00:00Z',
          lastDataAt: null,
        },
      ],
      programsWithoutData: [{ programId: 'p-3', programName: 'Imitation', sessions: 12, sessionsWithoutData: 4 }],
    },
    {
      childId: 'child-2',
      name: 'Ben Lee',
      sessions: 0,
      mastered: [],
      stalled: [],
      probesDue: [],
      programsWithoutData: [],
    },
  ],
};

describe('CaseloadReportScreen', () => {
  it('asks for the period in the URL and shows each child with links to the child and its programs', async () => {
    fetchMock.mockResolvedValue(jsonResponse(report));
    renderWithProviders(<CaseloadReportScreen />, { route: '/reports/caseload?from=2026-11-01&to=2026-11-30' });

    const summary = await screen.findByRole('table', { name: 'Caseload summary' });
    const ava = within(summary).getByRole('row', { name: /Ava Carter/ });
    expect(
      within(ava)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['12', '1', '1', '1', '1']);
    expect(String(fetchMock.mock.calls[0]?.[0])).toContain('/api/reports/caseload?from=2026-11-01&to=2026-11-30');

    const details = screen.getByRole('article', { name: /Ava Carter/ });
    expect(within(details).getByRole('link', { name: 'Ava Carter' })).toHaveAttribute('href', '/children/child-1');
    expect(within(details).getAllByRole('link', { name: 'Receptive ID' })[0]).toHaveAttribute('href', '/programs/p-1');
    expect(within(details).getByText(/no data in 4 of 12 sessions/)).toBeInTheDocument();
    expect(within(details).getByText(/no data since/)).toBeInTheDocument();
    expect(screen.getByRole('article', { name: /Ben Lee/ })).toHaveTextContent('Nothing needs attention');
  });

  it('sends the rules the reader chose', async () => {
    fetchMock.mockResolvedValue(jsonResponse(report));
    renderWithProviders(<CaseloadReportScreen />, {
      route: '/reports/caseload?from=2026-11-01&to=2026-11-30&stalledSessions=5&probeDays=30',
    });

    await screen.findByRole('table', { name: 'Caseload summary' });
    expect(String(fetchMock.mock.calls[0]?.[0])).toContain('stalledSessions=5');
    expect(String(fetchMock.mock.calls[0]?.[0])).toContain('probeDays=30');
    expect(screen.getByLabelText(/Stalled: no improvement over/)).toHaveValue(5);
  });

  it('refuses rules out of range in the form', async () => {
    fetchMock.mockResolvedValue(jsonResponse(report));
    renderWithProviders(<CaseloadReportScreen />, { route: '/reports/caseload?from=2026-11-01&to=2026-11-30' });
    await screen.findByRole('table', { name: 'Caseload summary' });

    const probe = screen.getByLabelText(/Probe due after/);
    await userEvent.clear(probe);
    await userEvent.type(probe, '400');

    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(rulesFromSearch(new URLSearchParams('stalledSessions=0&probeDays=400'))).toEqual({
      stalledSessions: 3,
      probeDays: 14,
    });
  });

  it('says why when the server refuses', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(403, {
        title: 'Forbidden',
        detail: 'The caseload report is for supervising therapists (BCBA, BCaBA) and admins.',
      }),
    );
    renderWithProviders(<CaseloadReportScreen />, { route: '/reports/caseload' });

    expect(await screen.findByRole('alert')).toHaveTextContent('supervising therapists');
  });
});
