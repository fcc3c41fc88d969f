import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import type { MasteriesReport } from '../api/report-masteries';
import { MasteriesSection } from './masteries-section';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const period = { from: '2026-10-01', to: '2026-11-30' };

const report: MasteriesReport = {
  from: '2026-10-01',
  to: '2026-11-30',
  total: 3,
  months: [
    { month: '2026-10', mastered: 1 },
    { month: '2026-11', mastered: 2 },
  ],
  rows: [
    {
      childId: 'child-1',
      childName: 'Ava Carter',
      programId: 'program-1',
      programName: 'Receptive ID',
      targetId: 'target-1',
      targetName: 'dog',
      masteredOn: '2026-10-14',
      masteredAt: '2026-10-14T15:00:00Z',
    },
    {
      childId: 'child-1',
      childName: 'Ava Carter',
      programId: 'program-1',
      programName: 'Receptive ID',
      targetId: 'target-2',
      targetName: 'cat',
      masteredOn: '2026-11-02',
      masteredAt: '2026-11-02T15:00:00Z',
    },
    {
      childId: 'child-2',
      childName: 'Ben Kim',
      programId: 'program-2',
      programName: 'Manding',
      targetId: 'target-3',
      targetName: 'more',
      masteredOn: '2026-11-20',
      masteredAt: '2026-11-20T15:00:00Z',
    },
  ],
};

describe('MasteriesSection', () => {
  it('counts masteries per month in a chart with its numbers and lists each one in a table of cards', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(report));
    renderWithProviders(<MasteriesSection period={period} />);

    expect(await screen.findByRole('img', { name: /Targets mastered per month: bar chart/ })).toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([input]) => String(input))).toContain(
      '/api/reports/masteries?from=2026-10-01&to=2026-11-30',
    );
    const perMonth = screen.getByRole('table', { name: 'Targets mastered per month' });
    expect(
      within(perMonth)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1', '2']);
    const rows = screen.getByRole('table', { name: 'Masteries' });
    expect(rows).toHaveClass('report-table');
    const lines = within(rows).getAllByRole('row').slice(1);
    expect(lines).toHaveLength(3);
    expect(within(lines[2]).getByRole('link', { name: 'Ben Kim' })).toHaveAttribute(
      'href',
      '/children/child-2/progress',
    );
    const cells = within(lines[2]).getAllByRole('cell');
    expect(cells.map((cell) => cell.getAttribute('data-label'))).toEqual(['Child', 'Program', 'Target', 'Mastered on']);
    expect(cells.slice(1, 3).map((cell) => cell.textContent)).toEqual(['Manding', 'more']);
    expect(screen.getByRole('button', { name: 'Masteries as CSV' })).toBeInTheDocument();
  });

  it('says when nothing was mastered', async () => {
    fetchMock.mockImplementation(async () =>
      jsonResponse({ ...report, total: 0, months: [{ month: '2026-10', mastered: 0 }], rows: [] }),
    );
    renderWithProviders(<MasteriesSection period={period} />);
    expect(await screen.findByText('No target was mastered in this period.')).toBeInTheDocument();
  });

  it('says why when the server refuses', async () => {
    fetchMock.mockImplementation(async () =>
      jsonResponse(
        { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Masteries are reported to admins.' },
        { status: 403, contentType: 'application/problem+json' },
      ),
    );
    renderWithProviders(<MasteriesSection period={period} />);
    expect(await screen.findByText('Masteries are reported to admins.')).toBeInTheDocument();
  });
});
