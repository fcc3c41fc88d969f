import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import type { Aging, PayerAging } from '../api/ledger-types';
import { AgingScreen } from './ledger-aging-screen';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const families: Aging = {
  asOf: '2026-12-02',
  currency: 'USD',
  total: {
    childId: null,
    childName: null,
    current: '30.00',
    days31To60: '0.00',
    days61To90: '0.00',
    over90: '15.00',
    unappliedCredit: '0.00',
    balance: '45.00',
  },
  families: [
    {
      childId: 'child-1',
      childName: 'Ava Carter',
      current: '30.00',
      days31To60: '0.00',
      days61To90: '0.00',
      over90: '15.00',
      unappliedCredit: '0.00',
      balance: '45.00',
    },
  ],
};

const payers: PayerAging = {
  asOf: '2026-12-02',
  currency: 'USD',
  total: {
    payerId: null,
    payerName: null,
    claims: 3,
    current: '200.00',
    days31To60: '240.00',
    days61To90: '0.00',
    over90: '120.00',
    balance: '560.00',
  },
  payers: [
    {
      payerId: 'payer-1',
      payerName: 'Blue Cross Blue Shield',
      claims: 3,
      current: '200.00',
      days31To60: '240.00',
      days61To90: '0.00',
      over90: '120.00',
      balance: '560.00',
    },
  ],
};

describe('AgingScreen', () => {
  it('shows the families’ aging and the insurers’ open claims per payer', async () => {
    fetchMock.mockImplementation(async (input) =>
      String(input).startsWith('/api/claims/aging') ? jsonResponse(payers) : jsonResponse(families),
    );
    renderWithProviders(<AgingScreen />);

    const insurers = await screen.findByRole('table', { name: 'Aging by payer' });
    const row = within(insurers).getByRole('row', { name: /Blue Cross Blue Shield/ });
    expect(within(row).getByText('$240.00')).toBeInTheDocument();
    expect(within(row).getByText('$560.00')).toBeInTheDocument();
    expect(within(insurers).getByRole('row', { name: /Total/ })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Ava Carter' })).toHaveAttribute(
      'href',
      '/billing/families/child-1',
    );
  });

  it('says when no insurer owes anything', async () => {
    fetchMock.mockImplementation(async (input) =>
      String(input).startsWith('/api/claims/aging')
        ? jsonResponse({ ...payers, payers: [] })
        : jsonResponse({ ...families, families: [] }),
    );
    renderWithProviders(<AgingScreen />);
    expect(await screen.findByText('No insurer owes anything.')).toBeInTheDocument();
    expect(await screen.findByText('No family owes anything.')).toBeInTheDocument();
  });
});
