import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import type { ReportAppointment } from '../api/report-appointments';
import type { ReportRows } from '../api/report-period';
import { ReportAppointmentsScreen } from './report-rows-screens';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function appointment(n: number): ReportAppointment {
  return {
    appointmentId: `appointment-${n}`,
    childId: 'child-1',
    childName: 'Ava Carter',
    therapistId: 'rbt-1',
    therapistName: 'Riley Brooks',
    serviceCode: '97153',
    start: `2026-11-${String(n).padStart(2, '0')}T09:00:00-05:00`,
    end: `2026-11-${String(n).padStart(2, '0')}T11:00:00-05:00`,
    status: 'cancelled',
    bookedHours: 2,
    deliveredHours: null,
    cancelledByRole: 'parent',
    cancelledLate: n === 21,
    sessionId: null,
  };
}

/** Page `number` of 21 cancelled appointments, 20 to a page. */
function page(number: number): ReportRows<ReportAppointment> {
  const days = number === 0 ? Array.from({ length: 20 }, (_, i) => i + 1) : [21];
  return {
    content: days.map(appointment),
    page: { number, size: 20, totalElements: 21, totalPages: 2 },
    period: { from: '2026-11-01', to: '2026-11-30', days: 30, zone: 'America/New_York' },
  };
}

describe('ReportAppointmentsScreen', () => {
  it('lists the rows behind a figure a page at a time, each cell labelled with its column', async () => {
    fetchMock.mockImplementation(async (input) =>
      jsonResponse(page(new URL(String(input), 'http://x').searchParams.get('page') === '1' ? 1 : 0)),
    );
    renderWithProviders(<ReportAppointmentsScreen />, {
      route: '/reports/appointments?from=2026-11-01&to=2026-11-30&status=cancelled',
    });

    const table = await screen.findByRole('table', { name: 'Cancelled appointments' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 20);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Start', 'Child', 'Therapist', 'Service', 'Status', 'Booked', 'Delivered']);
    expect(within(table).getAllByRole('cell', { name: /Riley Brooks/ })[0]).toHaveAttribute('data-label', 'Therapist');
    expect(screen.getByText(/Cancelled appointments, .* · 21/)).toBeInTheDocument();
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe(
      '/api/reports/appointments?from=2026-11-01&to=2026-11-30&status=cancelled&page=0',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));

    expect(await screen.findByText(/by parent, late/)).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 2 · 21 appointments')).toBeInTheDocument();
    const second = screen.getByRole('table', { name: 'Cancelled appointments' });
    expect(within(second).getAllByRole('row')).toHaveLength(1 + 1);
    expect(fetchMock.mock.calls.map(([input]) => String(input))).toContain(
      '/api/reports/appointments?from=2026-11-01&to=2026-11-30&status=cancelled&page=1',
    );
  });
});
