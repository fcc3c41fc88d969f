import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { ClinicPayment } from '../api/ledger-types';
import { ClinicPaymentsScreen } from './payments-clinic-screen';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const listed: ClinicPayment = {
  childName: 'Ava Carter',
  payment: {
    id: 'pay-1',
    childId: 'child-1',
    method: 'check',
    reference: '1042',
    amount: '50.00',
    currency: 'USD',
    receivedOn: '2026-11-30',
    note: null,
    recordedBy: 'Office',
    recordedAt: '2026-11-30T15:00:00Z',
    allocated: '40.00',
    refunded: '0.00',
    unallocated: '10.00',
    reversed: false,
  },
};

const page = (content: ClinicPayment[]) => ({
  content,
  page: { number: 0, size: 20, totalElements: content.length, totalPages: 1 },
});

describe('ClinicPaymentsScreen', () => {
  it('lists every family’s payments with a link to the family’s account', async () => {
    fetchMock.mockResolvedValue(jsonResponse(page([listed])));
    renderWithProviders(<ClinicPaymentsScreen />);

    const family = await screen.findByRole('link', { name: 'Ava Carter' });
    expect(family).toHaveAttribute('href', '/billing/families/child-1');
    const row = family.closest('tr') as HTMLElement;
    expect(within(row).getByText('$50.00')).toBeInTheDocument();
    expect(within(row).getByText('$10.00')).toBeInTheDocument();
    expect(fetchMock.mock.calls[0][0]).toBe('/api/payments?page=0&size=20');
  });

  it('filters by the days received and the method', async () => {
    fetchMock.mockResolvedValue(jsonResponse(page([])));
    const { user } = renderWithProviders(<ClinicPaymentsScreen />);
    expect(await screen.findByText('No payments match.')).toBeInTheDocument();

    const filters = screen.getByRole('search', { name: 'Filter payments' });
    await user.selectOptions(within(filters).getByLabelText('Method'), 'card_terminal');
    await user.type(within(filters).getByLabelText('Received from'), '2026-11-01');

    await vi.waitFor(() =>
      expect(fetchMock.mock.calls.map((call) => call[0])).toContain(
        '/api/payments?from=2026-11-01&method=card_terminal&page=0&size=20',
      ),
    );
  });

  it('says what went wrong when the list cannot be read', async () => {
    fetchMock.mockResolvedValue(problemResponse(403, { title: 'Forbidden', detail: 'Only admins see payments.' }));
    renderWithProviders(<ClinicPaymentsScreen />);
    expect(await screen.findByText('Only admins see payments.')).toBeInTheDocument();
  });
});
