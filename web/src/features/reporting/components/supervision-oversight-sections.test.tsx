import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDay } from '../../../lib/dates';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import type { BurnDownReport, MoneyReport, SupervisionReport } from '../api/oversight-reports';
import { SupervisionOversightSections } from './supervision-oversight-sections';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const supervision: SupervisionReport = {
  from: '2026-09-01',
  to: '2026-09-30',
  minSharePercent: 5,
  minContacts: 2,
  rows: [
    {
      month: '2026-09',
      technicianId: 'rbt-a',
      technicianName: 'Riley Brooks',
      serviceMinutes: 1500,
      supervisedMinutes: 60,
      sharePercent: '4.0',
      contacts: 2,
      individualContacts: 2,
      withChildContacts: 2,
      shortfalls: ['share'],
      link: '/reports/appointments?from=2026-09-01&to=2026-09-30&therapistId=rbt-a&status=completed',
    },
    {
      month: '2026-09',
      technicianId: 'rbt-b',
      technicianName: 'Sam Lee',
      serviceMinutes: 1000,
      supervisedMinutes: 60,
      sharePercent: '6.0',
      contacts: 2,
      individualContacts: 1,
      withChildContacts: 1,
      shortfalls: [],
      link: '/reports/appointments?from=2026-09-01&to=2026-09-30&therapistId=rbt-b&status=completed',
    },
  ],
};

const burnDown: BurnDownReport = {
  from: '2026-09-01',
  to: '2026-09-30',
  today: '2026-09-20',
  rows: [
    {
      authorizationId: 'auth-1',
      childId: 'child-1',
      childName: 'Ava Carter',
      payer: 'Blue Cross',
      authorizationNumber: 'PA-1',
      serviceCode: '97153',
      unitsAuthorized: 90,
      startsOn: '2026-09-01',
      endsOn: '2026-09-30',
      unitsUsed: 100,
      unitsPlanned: 0,
      unitsRemaining: -10,
      runsOut: true,
      runsOutWeekOf: '2026-09-07',
      expiresUnused: false,
      reauthorizationDue: true,
      link: '/children/child-1#authorizations',
      progressReportLink: '/progress-reports/report-7',
      weeks: [{ weekOf: '2026-08-31', used: 80, planned: 0, cumulative: 80, ideal: 12 }],
    },
  ],
};

const money: MoneyReport = {
  from: '2026-09-01',
  to: '2026-09-30',
  currency: 'USD',
  charges: 3,
  chargedInsurance: '300.00',
  chargedPrivatePay: '100.00',
  charged: '400.00',
  collectedInsurance: '150.00',
  collectedFamilies: '40.00',
  collected: '190.00',
  outstandingOn: '2026-09-20',
  outstanding: [
    {
      source: 'insurance',
      days0To30: '150.00',
      days31To60: '0.00',
      days61To90: '0.00',
      over90: '0.00',
      total: '150.00',
      link: '/billing/aging',
    },
    {
      source: 'families',
      days0To30: '60.00',
      days31To60: '0.00',
      days61To90: '0.00',
      over90: '15.00',
      total: '75.00',
      link: '/billing/families',
    },
    {
      source: 'total',
      days0To30: '210.00',
      days31To60: '0.00',
      days61To90: '0.00',
      over90: '15.00',
      total: '225.00',
      link: '/billing/aging',
    },
  ],
  denials: [
    {
      payerId: 'p-1',
      payerName: 'State Medicaid',
      adjudicated: 4,
      denied: 1,
      ratePercent: '25.0',
      deniedCharge: '80.00',
      link: '/billing/remittances',
    },
  ],
  links: {
    charges: '/billing/charges?status=ready',
    remittances: '/billing/remittances',
    payments: '/billing/payments',
    aging: '/billing/aging',
    claims: '/billing/claims',
  },
};

describe('SupervisionOversightSections', () => {
  it('shows supervision, burn-down and money with links down to the rows', async () => {
    fetchMock.mockImplementation(async (input) => {
      const url = String(input);
      if (url.startsWith('/api/reports/supervision')) return jsonResponse(supervision);
      if (url.startsWith('/api/reports/authorizations')) return jsonResponse(burnDown);
      return jsonResponse(money);
    });
    renderWithProviders(<SupervisionOversightSections period={{ from: '2026-09-01', to: '2026-09-30' }} />, {
      route: '/reports?from=2026-09-01&to=2026-09-30',
    });

    const technicians = await screen.findByRole('table', { name: "Technicians' supervision by month" });
    expect(within(technicians).getByRole('link', { name: 'Riley Brooks' })).toHaveAttribute(
      'href',
      '/reports/appointments?from=2026-09-01&to=2026-09-30&therapistId=rbt-a&status=completed',
    );
    expect(within(technicians).getByText('under 5 % supervised')).toBeInTheDocument();
    expect(within(technicians).getByText('Met')).toBeInTheDocument();
    expect(within(technicians).getByText('25 h')).toBeInTheDocument();

    const authorizations = await screen.findByRole('table', { name: 'Authorizations of the period' });
    expect(within(authorizations).getByRole('link', { name: 'Ava Carter' })).toHaveAttribute(
      'href',
      '/children/child-1#authorizations',
    );
    expect(within(authorizations).getByText(`Runs out (week of ${formatDay('2026-09-07')})`)).toBeInTheDocument();
    expect(within(authorizations).getByText('100 + 0 / 90')).toBeInTheDocument();
    expect(within(authorizations).getByText('Re-authorization due')).toBeInTheDocument();
    expect(within(authorizations).getByRole('link', { name: 'Progress report needed: Ava Carter' })).toHaveAttribute(
      'href',
      '/progress-reports/report-7',
    );

    // on a phone the rows stack into cards: each cell names its column
    for (const table of [technicians, authorizations]) {
      expect(table).toHaveClass('report-table');
      for (const cell of within(table).getAllByRole('cell')) expect(cell).toHaveAttribute('data-label');
    }

    expect(await screen.findByRole('link', { name: 'Charged' })).toHaveAttribute(
      'href',
      '/billing/charges?status=ready',
    );
    expect(screen.getByRole('img', { name: /Denial rate by payer \(%\): bar chart/ })).toBeInTheDocument();
    expect(screen.getByText(`as of ${formatDay('2026-09-20')}`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Denials as CSV' })).toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([input]) => String(input))).toContain(
      '/api/reports/money?from=2026-09-01&to=2026-09-30',
    );
  });
});
