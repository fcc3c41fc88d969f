import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { ParentBillingScreen } from './ledger-parent-billing-screen';

const fetchMock = vi.fn<typeof fetch>();

const page = <T,>(content: T[]) => ({
  content,
  page: { number: 0, size: 20, totalElements: content.length, totalPages: 1 },
});

const routes: Record<string, unknown> = {
  '/api/family-accounts?page=0&size=50': page([
    {
      childId: 'child-1',
      childName: 'Ava C.',
      balance: '132.34',
      open: '132.34',
      currency: 'USD',
      oldestOpenOn: '2026-10-03',
      lastPaymentOn: '2026-11-12',
    },
  ]),
  '/api/children/child-1/statements': [
    { month: '2026-12', closing: '132.34', currency: 'USD' },
    { month: '2026-11', closing: '132.34', currency: 'USD' },
  ],
  '/api/children/child-1/invoices?page=0&size=20': page([
    {
      id: 'inv-1',
      childId: 'child-1',
      childName: 'Ava C.',
      kind: 'invoice',
      number: 'INV-000007',
      status: 'issued',
      creditsInvoice: null,
      currency: 'USD',
      issuedOn: '2026-11-02',
      dueOn: '2026-12-02',
      voidedOn: null,
      voidReason: null,
      total: '250.00',
      open: '120.00',
      lines: [],
      version: 1,
    },
  ]),
  '/api/children/child-1/payments?page=0&size=20': page([
    {
      id: 'pay-1',
      childId: 'child-1',
      method: 'card_terminal',
      reference: 'T-88',
      amount: '130.00',
      currency: 'USD',
      receivedOn: '2026-11-12',
      note: null,
      recordedBy: 'Office',
      recordedAt: '2026-11-12T10:00:00Z',
      allocated: '130.00',
      refunded: '0.00',
      unallocated: '0.00',
      reversed: false,
    },
  ]),
};

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input) => {
    const body = routes[String(input)];
    return body === undefined ? jsonResponse({ status: 404 }, { status: 404 }) : jsonResponse(body);
  });
  vi.stubGlobal('fetch', fetchMock);
});

describe('ParentBillingScreen', () => {
  it("shows the family's balance, statements, invoices and payments, without admin actions", async () => {
    renderWithProviders(<ParentBillingScreen />);
    const family = await screen.findByRole('article', { name: 'Ava C.' });
    expect(within(family).getByText('$132.34', { selector: 'dd' })).toBeInTheDocument();
    expect(within(family).getByText('Balance due')).toBeInTheDocument();
    expect(await within(family).findByRole('button', { name: 'Statement November 2026 as PDF' })).toBeInTheDocument();
    expect(await within(family).findByRole('rowheader', { name: 'Invoice INV-000007' })).toBeInTheDocument();
    expect(await within(family).findByText('Card (terminal)')).toBeInTheDocument();
    expect(within(family).queryByRole('button', { name: 'Refund' })).not.toBeInTheDocument();
    expect(within(family).queryByRole('button', { name: 'Void' })).not.toBeInTheDocument();
    expect(screen.getByText(/Online card payment is not available yet/)).toBeInTheDocument();
  });
});
