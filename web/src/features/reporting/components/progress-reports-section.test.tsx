import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { aReport, aSummary } from './progress-report-fixtures';
import { ProgressReportsSection } from './progress-reports-section';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function page(content: unknown[]) {
  return jsonResponse({ content, page: { number: 0, size: 50, totalElements: content.length, totalPages: 1 } });
}

describe('ProgressReportsSection', () => {
  it('lists the reports with period, status and signer, and offers the PDF of signed ones', async () => {
    fetchMock.mockResolvedValue(page([aSummary(), aSummary({ id: 'report-0', status: 'superseded' })]));
    renderWithProviders(<ProgressReportsSection childId="child-1" canWrite={false} />);

    const section = screen.getByRole('region', { name: 'Progress reports' });
    const table = await within(section).findByRole('table');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/children/child-1/progress-reports?size=50');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('Signed');
    expect(rows[1]).toHaveTextContent('Maya Okafor, BCBA');
    expect(rows[2]).toHaveTextContent('Superseded');
    expect(within(rows[1]).getByRole('button', { name: /PDF/ })).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'New report' })).not.toBeInTheDocument();
    // stacked into cards on a phone: each cell says which column it is
    expect(table).toHaveClass('report-table');
    for (const cell of within(table).getAllByRole('cell')) expect(cell).toHaveAttribute('data-label');
  });

  it('lets the supervisor start a report for the last six months', async () => {
    fetchMock.mockImplementation((_, init) =>
      Promise.resolve(init?.method === 'POST' ? jsonResponse(aReport(), { status: 201 }) : page([])),
    );
    const { user } = renderWithProviders(<ProgressReportsSection childId="child-1" canWrite />);

    await screen.findByText(/No progress reports yet/);
    await user.click(screen.getByRole('button', { name: 'New report' }));

    const post = fetchMock.mock.calls.find((call) => call[1]?.method === 'POST');
    expect(post?.[0]).toBe('/api/children/child-1/progress-reports');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({});
  });
});
