import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { aReport } from './progress-report-fixtures';
import { ProgressReportScreen } from './progress-report-screen';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

describe('ProgressReportScreen', () => {
  it('shows the figures: hours, attendance, mastered targets and levels', () => {
    renderWithProviders(<ProgressReportScreen report={aReport()} canWrite={false} />);

    const hours = screen.getByRole('region', { name: 'Hours and attendance' });
    expect(within(hours).getByText('3 h 15 min of 10 h authorized')).toBeInTheDocument();
    expect(within(hours).getByText('50%')).toBeInTheDocument();
    expect(within(hours).getByText(/Aetna A-1/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Mastered in this period' })).toHaveTextContent('cat');
    const targets = screen.getByRole('region', { name: 'Progress by target' });
    expect(targets).toHaveTextContent('Baseline: 40%');
    expect(targets).toHaveTextContent('Current: 80%');
  });

  it('lets a reader only read: no fields, no signing', () => {
    renderWithProviders(
      <ProgressReportScreen report={aReport({ status: 'signed', summary: 'Went well.' })} canWrite={false} />,
    );
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign report' })).not.toBeInTheDocument();
    expect(screen.getByText('Went well.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download PDF' })).toBeInTheDocument();
  });

  it('saves the narrative with the version it was read at', async () => {
    const report = aReport();
    fetchMock.mockResolvedValue(jsonResponse(aReport({ summary: 'Steady progress.', version: 3 })));
    const { user } = renderWithProviders(<ProgressReportScreen report={report} canWrite />);

    await user.type(screen.getByLabelText('Summary'), 'Steady progress.');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Draft saved.')).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/progress-reports/report-1');
    expect(init?.method).toBe('PUT');
    expect(new Headers(init?.headers).get('If-Match')).toBe('"2"');
    expect(JSON.parse(String(init?.body))).toMatchObject({ summary: 'Steady progress.' });
  });

  it('signs after a confirmation and shows why the server refuses', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(409, {
        type: 'https://sparktherapy.org/problems/progress-report-incomplete',
        title: 'Progress report incomplete',
        detail: 'A progress report is signed with its summary, goals and recommendations written.',
        errors: [{ pointer: '/summary', detail: 'must be written before signing' }],
      }),
    );
    const { user } = renderWithProviders(<ProgressReportScreen report={aReport()} canWrite />);

    await user.click(screen.getByRole('button', { name: 'Sign report' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Sign this progress report?' });
    expect(fetchMock).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Sign report' }));

    expect(await within(dialog).findByText(/summary, goals and recommendations/)).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/progress-reports/report-1/signature');
    expect(new Headers(init?.headers).get('If-Match')).toBe('"2"');
  });

  it('draws each target with the graph it is given', () => {
    renderWithProviders(
      <ProgressReportScreen
        report={aReport()}
        canWrite={false}
        renderGraph={(target) => <p>graph of {target.name}</p>}
      />,
    );
    expect(screen.getByText('graph of dog')).toBeInTheDocument();
  });
});
