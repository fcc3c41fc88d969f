import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { Payer } from '../api/charge-types';
import type { ClaimBatch, ClaimBatchDetail, ClaimSummary } from '../api/claims';
import { ClaimsScreen } from './claims-screen';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const payer = (id: string, name: string, kind: Payer['kind']): Payer => ({
  id,
  name,
  kind,
  x12PayerId: kind === 'insurance' ? 'BS01' : null,
  roundingRule: 'cms_8_minute',
  requiresAuthorization: false,
  currency: 'USD',
  address: { line1: null, line2: null, city: null, state: null, postalCode: null },
  active: true,
  modifiers: {},
  claimFilingIndicator: 'CI',
  version: 0,
});

const payers = [payer('private', 'Private pay', 'private_pay'), payer('payer-1', 'Blue Shield', 'insurance')];

const batch: ClaimBatch = {
  id: 'batch-1',
  payerId: 'payer-1',
  payerName: 'Blue Shield',
  controlNumber: 12,
  status: 'draft',
  totalCharge: 314.0,
  currency: 'USD',
  claimCount: 2,
  createdAt: '2026-12-01T15:00:00Z',
  exportedAt: null,
  submittedAt: null,
  version: 0,
};

const claim = (overrides: Partial<ClaimSummary>): ClaimSummary => ({
  id: 'claim-1',
  batchId: 'batch-1',
  claimNumber: 'SPK000000101',
  childId: 'child-1',
  childName: 'Samuel Lee',
  state: 'draft',
  frequency: '1',
  payerClaimNumber: null,
  totalCharge: 240.0,
  paidAmount: 0.0,
  patientResponsibility: 0.0,
  currency: 'USD',
  submittedAt: null,
  ...overrides,
});

const detail: ClaimBatchDetail = {
  batch,
  claims: [
    claim({}),
    claim({
      id: 'claim-2',
      claimNumber: 'SPK000000102',
      childName: 'Ava Carter',
      childId: 'child-2',
      state: 'partially_paid',
      payerClaimNumber: 'PAY-2',
      totalCharge: 74.0,
      paidAmount: 59.2,
      patientResponsibility: 14.8,
    }),
  ],
};

function respond(overrides: (url: string, init?: RequestInit) => Response | undefined = () => undefined) {
  fetchMock.mockImplementation((input, init) => {
    const url = String(input);
    const answer = overrides(url, init);
    if (answer) return Promise.resolve(answer);
    if (url.startsWith('/api/payers')) return Promise.resolve(jsonResponse(payers));
    if (url === '/api/claim-batches') return Promise.resolve(jsonResponse([batch]));
    if (url === '/api/claim-batches/batch-1') return Promise.resolve(jsonResponse(detail));
    return Promise.resolve(jsonResponse({}, { status: 404 }));
  });
}

const calls = (method: string, url: string) =>
  fetchMock.mock.calls.filter(([input, init]) => String(input) === url && (init?.method ?? 'GET') === method);

describe('ClaimsScreen', () => {
  it('lists the batches with payer, claim count, total and state', async () => {
    respond();
    renderWithProviders(<ClaimsScreen />, { route: '/billing/claims' });
    const table = await screen.findByRole('table', { name: 'Claim batches, newest first' });
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('Blue Shield');
    expect(row).toHaveTextContent('Batch 12');
    expect(row).toHaveTextContent('$314.00');
    expect(row).toHaveTextContent('Draft');
  });

  it('builds a batch for an insurer only, and names the 409 plainly', async () => {
    respond((url, init) =>
      url === '/api/claim-batches' && init?.method === 'POST'
        ? problemResponse(409, {
            type: 'https://sparktherapy.org/problems/no-ready-charges',
            title: 'No ready charges',
            detail: 'The payer has no ready charge to claim.',
          })
        : undefined,
    );
    const { user } = renderWithProviders(<ClaimsScreen />, { route: '/billing/claims' });
    await user.click(await screen.findByRole('button', { name: 'New batch' }));
    const form = await screen.findByRole('form', { name: 'New claim batch' });
    await user.click(within(form).getByRole('button', { name: 'Build batch' }));
    expect(await within(form).findByText('Choose a payer.')).toBeInTheDocument();
    expect(calls('POST', '/api/claim-batches')).toHaveLength(0);

    const select = within(form).getByLabelText('Payer');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    expect(within(select).queryByRole('option', { name: 'Private pay' })).not.toBeInTheDocument();
    await user.selectOptions(select, 'payer-1');
    await user.click(within(form).getByRole('button', { name: 'Build batch' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('The payer has no ready charge to claim.');
    expect(JSON.parse(String(calls('POST', '/api/claim-batches')[0][1]?.body))).toEqual({
      payerId: 'payer-1',
      through: null,
    });
  });

  it('opens a built batch with its claims', async () => {
    respond((url, init) =>
      url === '/api/claim-batches' && init?.method === 'POST' ? jsonResponse(detail, { status: 201 }) : undefined,
    );
    const { user } = renderWithProviders(<ClaimsScreen />, { route: '/billing/claims' });
    await user.click(await screen.findByRole('button', { name: 'New batch' }));
    const form = await screen.findByRole('form', { name: 'New claim batch' });
    await waitFor(() => expect(within(within(form).getByLabelText('Payer')).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(within(form).getByLabelText('Payer'), 'payer-1');
    await user.click(within(form).getByRole('button', { name: 'Build batch' }));
    expect(await screen.findByRole('heading', { name: 'Batch 12: Blue Shield' })).toBeInTheDocument();
    expect(screen.getByText(/Batch 12 for Blue Shield: 2 claims, \$314\.00/)).toBeInTheDocument();
  });

  it('shows a batch’s claims, downloads its 837P with the token, and marks it submitted', async () => {
    const createObjectURL = vi.fn(() => 'blob:837');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    respond((url, init) => {
      if (url === '/api/claim-batches/batch-1/837') return new Response('ISA*00~', { status: 200 });
      if (url === '/api/claim-batches/batch-1/submission' && init?.method === 'POST') {
        return jsonResponse({
          batch: { ...batch, status: 'submitted', submittedAt: '2026-12-02T10:00:00Z' },
          claims: [],
        });
      }
      return undefined;
    });
    const { user } = renderWithProviders(<ClaimsScreen />, { route: '/billing/claims?batch=batch-1' });
    const table = await screen.findByRole('table', { name: 'Claims of batch 12' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('SPK000000101');
    expect(rows[1]).toHaveTextContent('Samuel Lee');
    expect(rows[2]).toHaveTextContent('Partially paid');
    expect(rows[2]).toHaveTextContent('$59.20');
    expect(rows[2]).toHaveTextContent('$14.80');
    // a draft claim has no payer's number yet: nothing to replace or void
    expect(within(rows[1]).queryByRole('button', { name: /Replace/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download 837P' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    const download = calls('GET', '/api/claim-batches/batch-1/837')[0];
    expect(download).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Mark submitted' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Mark the batch submitted?' });
    await user.click(within(dialog).getByRole('button', { name: 'Mark submitted' }));
    expect(await screen.findByText('Batch 12 is marked submitted.')).toBeInTheDocument();
    expect(calls('POST', '/api/claim-batches/batch-1/submission')).toHaveLength(1);
  });

  it('names the billing data an 837P still misses', async () => {
    respond((url) =>
      url === '/api/claim-batches/batch-1/837'
        ? problemResponse(409, {
            type: 'https://sparktherapy.org/problems/claim-data-missing',
            title: 'Claim data missing',
            detail: 'The 837P file cannot be made until the missing billing data is filled in.',
            missing: ['SPK000000101: the subscriber’s member id'],
          })
        : undefined,
    );
    const { user } = renderWithProviders(<ClaimsScreen />, { route: '/billing/claims?batch=batch-1' });
    await user.click(await screen.findByRole('button', { name: 'Download 837P' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The 837P file cannot be made until the missing billing data is filled in.');
    expect(within(alert).getByRole('listitem')).toHaveTextContent('SPK000000101: the subscriber’s member id');
  });

  it('voids a claim only after confirming, and opens the void batch', async () => {
    const voidBatch: ClaimBatchDetail = {
      batch: { ...batch, id: 'batch-2', controlNumber: 13, claimCount: 1 },
      claims: [claim({ id: 'claim-3', batchId: 'batch-2', claimNumber: 'SPK000000103', frequency: '8' })],
    };
    respond((url, init) => {
      if (url === '/api/claims/claim-2/void' && init?.method === 'POST')
        return jsonResponse(voidBatch, { status: 201 });
      if (url === '/api/claim-batches/batch-2') return jsonResponse(voidBatch);
      return undefined;
    });
    const { user } = renderWithProviders(<ClaimsScreen />, { route: '/billing/claims?batch=batch-1' });
    await user.click(await screen.findByRole('button', { name: 'Void claim SPK000000102' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Void claim SPK000000102?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(calls('POST', '/api/claims/claim-2/void')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Void claim SPK000000102' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Void claim SPK000000102?' })).getByRole('button', {
        name: 'Void claim',
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Batch 13: Blue Shield' })).toBeInTheDocument();
    expect(screen.getByText(/Claim SPK000000102 is voided by batch 13/)).toBeInTheDocument();
    expect(calls('POST', '/api/claims/claim-2/void')).toHaveLength(1);
  });
});
