import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { FamilyPayment } from '../api/ledger-types';
import { RecordPaymentDialog } from './payments-record-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const stored: FamilyPayment = {
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
  allocated: '50.00',
  refunded: '0.00',
  unallocated: '0.00',
  reversed: false,
};

function renderDialog() {
  const onRecorded = vi.fn();
  const rendered = renderWithProviders(
    <RecordPaymentDialog childId="child-1" open onClose={() => {}} onRecorded={onRecorded} />,
  );
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Record payment' }), onRecorded };
}

function headerOf(call: Parameters<typeof fetch>): string | undefined {
  return (call[1]?.headers as Record<string, string> | undefined)?.['Idempotency-Key'];
}

describe('RecordPaymentDialog', () => {
  it('checks the amount and the check number before sending anything', async () => {
    const { dialog, user } = renderDialog();
    await user.selectOptions(within(dialog).getByLabelText('Method'), 'check');
    await user.type(within(dialog).getByLabelText('Amount (USD)'), '10.005');
    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));

    expect(within(dialog).getByLabelText('Amount (USD)')).toHaveAccessibleDescription(
      'Enter an amount such as 125.50 (at most two decimals)',
    );
    expect(within(dialog).getByLabelText('Check number or terminal reference')).toHaveAccessibleDescription(
      'Enter the check number',
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the same idempotency key again when the admin retries', async () => {
    fetchMock
      .mockResolvedValueOnce(problemResponse(503, { title: 'Service unavailable', detail: 'Try again.' }))
      .mockResolvedValueOnce(jsonResponse(stored, { status: 201 }));
    const { dialog, user, onRecorded } = renderDialog();
    await user.selectOptions(within(dialog).getByLabelText('Method'), 'check');
    await user.type(within(dialog).getByLabelText('Amount (USD)'), '50');
    await user.type(within(dialog).getByLabelText('Check number or terminal reference'), '1042');
    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    expect(await within(dialog).findByText('Try again.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));

    await vi.waitFor(() => expect(onRecorded).toHaveBeenCalledWith(stored));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const [first, second] = fetchMock.mock.calls;
    expect(first[0]).toBe('/api/children/child-1/payments');
    expect(headerOf(first)).toBeTruthy();
    expect(headerOf(second)).toBe(headerOf(first));
    expect(JSON.parse(String(first[1]?.body))).toEqual({
      method: 'check',
      reference: '1042',
      amount: '50',
      currency: 'USD',
      receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      note: null,
    });
  });

  it('shows the server field error at its field', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(400, {
        title: 'Invalid request',
        detail: 'The request has invalid fields.',
        errors: [{ pointer: '/receivedOn', detail: 'must be between 2000-01-01 and today' }],
      }),
    );
    const { dialog, user } = renderDialog();
    await user.type(within(dialog).getByLabelText('Amount (USD)'), '20.00');
    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    await vi.waitFor(() =>
      expect(within(dialog).getByLabelText('Received on')).toHaveAccessibleDescription(
        'must be between 2000-01-01 and today',
      ),
    );
  });
});
