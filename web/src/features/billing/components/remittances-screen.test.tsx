import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { Remittance, RemittanceDetail } from '../api/claims';
import { RemittancesScreen } from './remittances-screen';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const summary: Remittance = {
  id: 'rem-1',
  payerName: 'BLUE SHIELD',
  payerIdentifier: '1512345678',
  traceNumber: 'EFT-1001',
  totalPaid: 239.2,
  currency: 'USD',
  paymentMethod: 'ACH',
  paymentDate: '2026-12-01',
  importedAt: '2026-12-01T14:30:00Z',
  claimCount: 4,
  familyShare: 14.8,
};

const detail: RemittanceDetail = {
  remittance: summary,
  claims: [
    {
      claimId: 'claim-1',
      claimNumber: 'SPK000000101',
      statusCode: '1',
      outcome: 'paid',
      charge: 180.0,
      paid: 180.0,
      patientResponsibility: 0.0,
      payerClaimNumber: 'PAY-1',
      adjustments: [],
    },
    {
      claimId: 'claim-2',
      claimNumber: 'SPK000000102',
      statusCode: '1',
      outcome: 'partially_paid',
      charge: 74.0,
      paid: 59.2,
      patientResponsibility: 14.8,
      payerClaimNumber: 'PAY-2',
      adjustments: [{ group: 'PR', reasonCode: '2', amount: 14.8, lineLevel: true }],
    },
    {
      claimId: 'claim-3',
      claimNumber: 'SPK000000103',
      statusCode: '4',
      outcome: 'denied',
      charge: 120.0,
      paid: 0.0,
      patientResponsibility: 0.0,
      payerClaimNumber: 'PAY-3',
      adjustments: [{ group: 'CO', reasonCode: '197', amount: 120.0, lineLevel: false }],
    },
    {
      claimId: null,
      claimNumber: 'SPK-NOT-OURS',
      statusCode: '1',
      outcome: 'unmatched',
      charge: 50.0,
      paid: 0.0,
      patientResponsibility: 0.0,
      payerClaimNumber: null,
      adjustments: [],
    },
  ],
};

function respond(overrides: (url: string, init?: RequestInit) => Response | undefined = () => undefined) {
  fetchMock.mockImplementation((input, init) => {
    const url = String(input);
    const answer = overrides(url, init);
    if (answer) return Promise.resolve(answer);
    if (url === '/api/remittances') return Promise.resolve(jsonResponse([summary]));
    if (url === '/api/remittances/rem-1') return Promise.resolve(jsonResponse(detail));
    return Promise.resolve(jsonResponse({}, { status: 404 }));
  });
}

const era = () => new File(['ISA*00*~'], 'era.835', { type: 'text/plain' });

describe('RemittancesScreen', () => {
  it('uploads an 835 as multipart and shows what it posted', async () => {
    respond((url, init) =>
      url === '/api/remittances' && init?.method === 'POST' ? jsonResponse([detail], { status: 201 }) : undefined,
    );
    const { user } = renderWithProviders(<RemittancesScreen />, { route: '/billing/remittances' });
    const form = screen.getByRole('form', { name: 'Import a remittance' });
    await user.click(within(form).getByRole('button', { name: 'Import and post' }));
    expect(await within(form).findByText('Choose an 835 file.')).toBeInTheDocument();

    await user.upload(within(form).getByLabelText('835 file from the payer'), era());
    await user.click(within(form).getByRole('button', { name: 'Import and post' }));
    const posted = await screen.findByRole('region', { name: 'Claims in payment EFT-1001' });
    const rows = within(posted).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Paid');
    expect(rows[2]).toHaveTextContent('Partially paid');
    expect(rows[2]).toHaveTextContent('PR-2 $14.80');
    expect(rows[3]).toHaveTextContent('Denied');
    expect(rows[3]).toHaveTextContent('CO-197 $120.00');
    expect(rows[4]).toHaveTextContent('Unmatched');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    const body = post?.[1]?.body;
    expect(body).toBeInstanceOf(FormData);
    expect((body as FormData).get('file')).toBeInstanceOf(File);
  });

  it('names a repeated import plainly, with the date of the first', async () => {
    respond((url, init) =>
      url === '/api/remittances' && init?.method === 'POST'
        ? problemResponse(409, {
            type: 'https://sparktherapy.org/problems/remittance-already-imported',
            title: 'Remittance already imported',
            detail: 'This payment (its trace number from this payer) was imported before. Nothing was posted again.',
            remittanceId: 'rem-1',
          })
        : undefined,
    );
    const { user } = renderWithProviders(<RemittancesScreen />, { route: '/billing/remittances' });
    const form = screen.getByRole('form', { name: 'Import a remittance' });
    await user.upload(within(form).getByLabelText('835 file from the payer'), era());
    await user.click(within(form).getByRole('button', { name: 'Import and post' }));
    const alert = await within(form).findByRole('alert');
    expect(await within(alert).findByText(/This payment was imported on .*2026/)).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Open the earlier import' }));
    expect(await screen.findByRole('heading', { name: 'BLUE SHIELD: payment EFT-1001' })).toBeInTheDocument();
  });

  it('lists past imports and opens one', async () => {
    respond();
    const { user } = renderWithProviders(<RemittancesScreen />, { route: '/billing/remittances' });
    const table = await screen.findByRole('table', { name: 'Imported remittances, newest first' });
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('$239.20');
    expect(row).toHaveTextContent('$14.80');
    await user.click(within(row).getByRole('link', { name: 'Remittance EFT-1001 from BLUE SHIELD' }));
    expect(await screen.findByRole('heading', { name: 'BLUE SHIELD: payment EFT-1001' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '← Back to remittances' }));
    expect(await screen.findByRole('table', { name: 'Imported remittances, newest first' })).toBeInTheDocument();
  });
});
