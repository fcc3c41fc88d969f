import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { useProgressReport } from '../api/get-progress-report';
import type { ProgressReport } from '../api/progress-report-types';
import { aReport } from './progress-report-fixtures';
import { periodErrors } from './progress-report-period-form';
import { ProgressReportScreen } from './progress-report-screen';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 11, 3, 12, 0) });
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.useRealTimers();
});

/** The report as the route shows it: read through its query, so a saved change reaches the screen as it does there. */
function ReportFromServer({ canWrite }: { canWrite: boolean }) {
  const report = useProgressReport('report-1');
  return report.data ? <ProgressReportScreen report={report.data} canWrite={canWrite} /> : null;
}

const signedReport = (overrides: Partial<ProgressReport> = {}) =>
  aReport({
    status: 'signed',
    summary: 'Went well.',
    goals: 'Two-step instructions.',
    recommendations: 'Continue.',
    signedBy: { id: 'bcba-1', name: 'Maya Okafor, BCBA' },
    signedAt: '2026-12-03T16:30:00Z',
    version: 3,
    ...overrides,
  });

function requestBody(call: number) {
  return JSON.parse(String(fetchMock.mock.calls[call][1]?.body)) as Record<string, unknown>;
}

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

  it('changes a draft’s period and shows the figures computed for it', async () => {
    const changed = aReport({
      periodStart: '2026-09-01',
      periodEnd: '2026-11-30',
      version: 3,
      figures: { ...aReport().figures, periodStart: '2026-09-01', periodEnd: '2026-11-30', mastered: [] },
    });
    changed.figures.hours = { ...changed.figures.hours, deliveredMinutes: 90 };
    fetchMock.mockImplementation((_, init) =>
      Promise.resolve(jsonResponse(init?.method === 'PUT' ? changed : aReport())),
    );
    const { user } = renderWithProviders(<ReportFromServer canWrite />);

    const period = await screen.findByRole('form', { name: 'Change the period' });
    expect(within(period).getByRole('button', { name: 'Change period' })).toBeDisabled();
    await user.clear(within(period).getByLabelText('From'));
    await user.type(within(period).getByLabelText('From'), '2026-09-01');
    await user.clear(within(period).getByLabelText('To'));
    await user.type(within(period).getByLabelText('To'), '2026-11-30');
    await user.click(within(period).getByRole('button', { name: 'Change period' }));

    expect(await screen.findByText(/Period changed/)).toBeInTheDocument();
    const put = fetchMock.mock.calls.findIndex(([, init]) => init?.method === 'PUT');
    expect(fetchMock.mock.calls[put][0]).toBe('/api/progress-reports/report-1');
    expect(new Headers(fetchMock.mock.calls[put][1]?.headers).get('If-Match')).toBe('"2"');
    expect(requestBody(put)).toEqual({ periodStart: '2026-09-01', periodEnd: '2026-11-30' });
    const hours = screen.getByRole('region', { name: 'Hours and attendance' });
    expect(within(hours).getByText('1 h 30 min of 10 h authorized')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Mastered in this period' })).toHaveTextContent(
      'No target was mastered in this period.',
    );
  });

  it('says what is wrong with a period before sending it', async () => {
    const { user } = renderWithProviders(<ProgressReportScreen report={aReport()} canWrite />);
    const period = screen.getByRole('form', { name: 'Change the period' });

    await user.clear(within(period).getByLabelText('To'));
    await user.type(within(period).getByLabelText('To'), '2026-06-01');
    await user.click(within(period).getByRole('button', { name: 'Change period' }));

    expect(within(period).getByLabelText('To')).toHaveAccessibleDescription(
      'The period ends on or after the day it starts.',
    );
    expect(fetchMock).not.toHaveBeenCalled();
    expect(periodErrors({ periodStart: '2026-06-04', periodEnd: '2026-12-04' }, '2026-12-03').periodEnd).toBe(
      'The period ends today at the latest.',
    );
    expect(periodErrors({ periodStart: '2025-12-03', periodEnd: '2026-12-03' }, '2026-12-03').periodStart).toBe(
      'A report covers at most 12 months.',
    );
    expect(periodErrors({ periodStart: '2025-12-04', periodEnd: '2026-12-03' }, '2026-12-03')).toEqual({});
  });

  it('shows the server’s refusal of a period at its field', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(400, {
        title: 'Invalid input',
        detail: 'A progress report covers days that have passed.',
        errors: [{ pointer: '/periodEnd', detail: 'must not be after today' }],
      }),
    );
    const { user } = renderWithProviders(<ProgressReportScreen report={aReport()} canWrite />);
    const period = screen.getByRole('form', { name: 'Change the period' });

    await user.clear(within(period).getByLabelText('From'));
    await user.type(within(period).getByLabelText('From'), '2026-07-01');
    await user.click(within(period).getByRole('button', { name: 'Change period' }));

    expect(await within(period).findByText('must not be after today')).toBeInTheDocument();
    expect(within(period).getByLabelText('To')).toHaveAttribute('aria-invalid', 'true');
  });

  it('signs a draft, saving its narrative first, and then shows it read-only', async () => {
    const written = aReport({ summary: 'Steady.', goals: 'Two-step.', recommendations: 'Continue.', version: 3 });
    const signed = signedReport({ summary: 'Steady.', goals: 'Two-step.', recommendations: 'Continue.', version: 4 });
    let current = aReport();
    fetchMock.mockImplementation((url, init) => {
      if (init?.method === 'PUT') current = written;
      else if (String(url).endsWith('/signature')) current = signed;
      return Promise.resolve(jsonResponse(current));
    });
    const { user } = renderWithProviders(<ReportFromServer canWrite />);

    await user.type(await screen.findByLabelText('Summary'), 'Steady.');
    await user.type(screen.getByLabelText('Goals for the next period'), 'Two-step.');
    await user.type(screen.getByLabelText('Recommendations'), 'Continue.');
    await user.click(screen.getByRole('button', { name: 'Sign report' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Sign this progress report?' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign report' }));

    expect(await screen.findByText(/The report is signed/)).toBeInTheDocument();
    const methods = fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}`);
    expect(methods).toContain('PUT /api/progress-reports/report-1');
    const signCall = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/signature'));
    expect(new Headers(signCall?.[1]?.headers).get('If-Match')).toBe('"3"');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Change the period' })).not.toBeInTheDocument();
    expect(screen.getByText('Signed', { selector: '.badge, .badge *' })).toBeInTheDocument();
  });

  it('shows a signed report read-only to its BCBA, with a download and a correction but no period to change', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    URL.createObjectURL = vi.fn(() => 'blob:report');
    URL.revokeObjectURL = vi.fn();
    fetchMock.mockResolvedValue(new Response('%PDF-1.7', { headers: { 'Content-Type': 'application/pdf' } }));
    const { user } = renderWithProviders(<ProgressReportScreen report={signedReport()} canWrite />);

    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('From')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change period' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign report' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Correct this report' })).toBeInTheDocument();
    expect(screen.getByText(/by Maya Okafor, BCBA/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download PDF' }));

    await vi.waitFor(() => expect(click).toHaveBeenCalledOnce());
    expect(fetchMock.mock.calls[0][0]).toBe('/api/progress-reports/report-1/pdf');
    click.mockRestore();
  });

  it('shows a parent the signed report to read and download, nothing to change', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(404, { title: 'Not found', detail: 'No such progress report.', status: 404 }),
    );
    const { user } = renderWithProviders(<ProgressReportScreen report={signedReport()} canWrite={false} />);

    expect(screen.getByRole('region', { name: 'Narrative' })).toHaveTextContent('Went well.');
    expect(screen.getByRole('region', { name: 'Narrative' })).toHaveTextContent('Two-step instructions.');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Change the period' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Correct this report' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign report' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download PDF' }));
    expect(await screen.findByText('No such progress report.')).toBeInTheDocument();
  });
});
