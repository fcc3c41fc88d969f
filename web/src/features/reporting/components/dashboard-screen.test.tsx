import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import type { CancellationsReport } from '../api/report-cancellations';
import type { DocumentationReport } from '../api/report-documentation';
import type { UtilizationReport } from '../api/report-utilization';
import { DashboardScreen } from './dashboard-screen';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

const period = { from: '2026-10-26', to: '2026-11-08', days: 14, zone: 'America/New_York' };

const utilization: UtilizationReport = {
  period,
  children: [
    {
      childId: 'child-1',
      childName: 'Ava Carter',
      prescribedHours: 22,
      scheduledHours: 4,
      deliveredHours: 3.5,
      deliveredClockHours: 2.5,
      authorizedHours: 20.93,
    },
  ],
  therapists: [
    {
      therapistId: 'rbt-1',
      therapistName: 'Riley Brooks',
      credential: 'RBT',
      scheduledHours: 8,
      billableHours: 6.5,
      availableHours: 91,
      utilization: 0.0714,
    },
  ],
};

const cancellations: CancellationsReport = {
  period,
  totals: {
    appointments: 9,
    cancelled: 3,
    cancelledByParent: 2,
    cancelledByAdmin: 1,
    noShows: 1,
    lateCancellations: 1,
  },
  lateShare: 0.3333,
  weeks: [
    {
      week: '2026-W44',
      starts: '2026-10-26',
      counts: {
        appointments: 6,
        cancelled: 1,
        cancelledByParent: 1,
        cancelledByAdmin: 0,
        noShows: 1,
        lateCancellations: 0,
      },
    },
  ],
  children: [
    {
      id: 'child-1',
      name: 'Ava Carter',
      counts: {
        appointments: 5,
        cancelled: 3,
        cancelledByParent: 2,
        cancelledByAdmin: 1,
        noShows: 0,
        lateCancellations: 1,
      },
    },
  ],
  therapists: [],
};

const documentation: DocumentationReport = {
  period,
  therapists: [
    {
      therapistId: 'rbt-1',
      therapistName: 'Riley Brooks',
      sessions: 2,
      submittedOnTime: 1,
      submittedLate: 1,
      openOverdue: 0,
      awaitingGuardian: 1,
    },
  ],
};

describe('DashboardScreen', () => {
  it('shows each figure for the period in the URL, with links down to the rows', async () => {
    fetchMock.mockImplementation(async (input) => {
      const url = String(input);
      if (url.startsWith('/api/reports/utilization')) return jsonResponse(utilization);
      if (url.startsWith('/api/reports/cancellations')) return jsonResponse(cancellations);
      return jsonResponse(documentation);
    });
    renderWithProviders(<DashboardScreen />, { route: '/reports?from=2026-10-26&to=2026-11-08' });

    const hours = await screen.findByRole('table', { name: 'Hours per child' });
    expect(within(hours).getByRole('link', { name: 'Ava Carter' })).toHaveAttribute(
      'href',
      '/reports/appointments?from=2026-10-26&to=2026-11-08&childId=child-1',
    );
    expect(within(hours).getByText('20.9 h')).toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([input]) => String(input))).toContain(
      '/api/reports/utilization?from=2026-10-26&to=2026-11-08',
    );
    const therapists = screen.getByRole('table', { name: 'Utilization per therapist' });
    expect(within(therapists).getByText('7 %')).toBeInTheDocument();
    expect(await screen.findByText('33 %')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Cancellations and no-shows per week: bar chart/ })).toBeInTheDocument();
    expect(screen.getByText('No cancellations or no-shows in this period.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '1 sessions of Riley Brooks submitted late' })).toHaveAttribute(
      'href',
      '/reports/sessions?from=2026-10-26&to=2026-11-08&therapistId=rbt-1&issue=late',
    );
    expect(screen.getAllByRole('button', { name: 'Children as CSV' })).toHaveLength(2);
  });

  it('says why when the server refuses', async () => {
    fetchMock.mockImplementation(async () =>
      jsonResponse(
        { type: 'about:blank', title: 'Forbidden', status: 403, detail: "The clinic's reports are for admins." },
        { status: 403, contentType: 'application/problem+json' },
      ),
    );
    renderWithProviders(<DashboardScreen />, { route: '/reports' });
    expect((await screen.findAllByText("The clinic's reports are for admins.")).length).toBeGreaterThan(0);
  });

  it('counts the presets in the clinic’s days, which the reports say, not the browser’s', async () => {
    // 1 December 2026, 03:00 UTC: December already in the browser (Auckland), still 30 November at the clinic
    vi.stubEnv('TZ', 'Pacific/Auckland');
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T03:00:00Z') });
    const november = { from: '2026-11-01', to: '2026-11-30', days: 30, zone: 'America/New_York' };
    fetchMock.mockImplementation(async (input) => {
      const url = String(input);
      if (url.startsWith('/api/reports/utilization')) return jsonResponse({ ...utilization, period: november });
      if (url.startsWith('/api/reports/cancellations')) return jsonResponse({ ...cancellations, period: november });
      return jsonResponse({ ...documentation, period: november });
    });
    renderWithProviders(<DashboardScreen />, { route: '/reports?from=2026-11-01&to=2026-11-30' });

    expect(await screen.findByRole('button', { name: 'This month', pressed: true })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Last month' }));

    expect(await screen.findByRole('button', { name: 'Last month', pressed: true })).toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([input]) => String(input))).toContain(
      '/api/reports/utilization?from=2026-10-01&to=2026-10-31',
    );
  });
});
