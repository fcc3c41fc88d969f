import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { toDay } from '../../../lib/dates';
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

  it('reads both agings as of today unless the address names another day', async () => {
    fetchMock.mockImplementation(async (input) =>
      String(input).startsWith('/api/claims/aging') ? jsonResponse(payers) : jsonResponse(families),
    );
    renderWithProviders(<AgingScreen />);

    const asOf = screen.getByRole('search', { name: 'Aging day' });
    expect(within(asOf).getByLabelText('As of')).toHaveValue(toDay(new Date()));
    await screen.findByRole('table', { name: 'Aging by payer' });
    expect(fetchMock.mock.calls.map(([path]) => path).sort()).toEqual([
      '/api/claims/aging',
      '/api/family-accounts/aging',
    ]);
    expect(screen.queryByRole('button', { name: 'Back to today' })).not.toBeInTheDocument();
  });

  it('keeps the chosen day in the address and reads both agings as of it', async () => {
    fetchMock.mockImplementation(async (input) =>
      String(input).startsWith('/api/claims/aging')
        ? jsonResponse({ ...payers, asOf: '2026-10-31' })
        : jsonResponse({ ...families, asOf: '2026-10-31' }),
    );
    const { user } = renderWithProviders(
      <Routes>
        <Route path="/billing/aging" element={<AgingAt />} />
      </Routes>,
      { route: '/billing/aging' },
    );
    const asOf = screen.getByLabelText('As of');
    fireEvent.change(asOf, { target: { value: '2026-10-31' } });

    await vi.waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('?asOf=2026-10-31'));
    await vi.waitFor(() =>
      expect(fetchMock.mock.calls.map(([path]) => path)).toEqual(
        expect.arrayContaining(['/api/family-accounts/aging?asOf=2026-10-31', '/api/claims/aging?asOf=2026-10-31']),
      ),
    );
    expect(asOf).toHaveValue('2026-10-31');

    await user.click(screen.getByRole('button', { name: 'Back to today' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/billing\/aging$/);
    expect(screen.getByLabelText('As of')).toHaveValue(toDay(new Date()));
  });

  it('opens on the day a link names', async () => {
    fetchMock.mockImplementation(async (input) =>
      String(input).startsWith('/api/claims/aging') ? jsonResponse(payers) : jsonResponse(families),
    );
    renderWithProviders(<AgingScreen />, { route: '/billing/aging?asOf=2026-09-30' });
    expect(screen.getByLabelText('As of')).toHaveValue('2026-09-30');
    await screen.findByRole('table', { name: 'Aging by payer' });
    expect(fetchMock.mock.calls.map(([path]) => path)).toEqual(
      expect.arrayContaining(['/api/family-accounts/aging?asOf=2026-09-30', '/api/claims/aging?asOf=2026-09-30']),
    );
  });

  it('ignores an address day that is no date', async () => {
    fetchMock.mockImplementation(async (input) =>
      String(input).startsWith('/api/claims/aging') ? jsonResponse(payers) : jsonResponse(families),
    );
    renderWithProviders(<AgingScreen />, { route: '/billing/aging?asOf=2026-02-30' });
    expect(screen.getByLabelText('As of')).toHaveValue(toDay(new Date()));
    await screen.findByRole('table', { name: 'Aging by payer' });
    expect(fetchMock.mock.calls.map(([path]) => path)).toContain('/api/claims/aging');
  });
});

/** The screen with the address it keeps, to check what a reload or a link would open. */
function AgingAt() {
  const location = useLocation();
  return (
    <>
      <AgingScreen />
      <p data-testid="location">{location.pathname + location.search}</p>
    </>
  );
}
