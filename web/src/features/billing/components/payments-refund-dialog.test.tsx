import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { FamilyPayment } from '../api/ledger-types';
import { RefundDialog } from './payments-refund-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const payment = { id: 'pay-1', amount: '50.00', unallocated: '10.00' } as FamilyPayment;

function renderDialog() {
  const onClose = vi.fn();
  const rendered = renderWithProviders(<RefundDialog payment={payment} onClose={onClose} />);
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Refund payment' }), onClose };
}

describe('RefundDialog', () => {
  it('offers what pays no item and refunds, taking money back from paid items when asked', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ id: 'entry-1' }));
    const { dialog, user, onClose } = renderDialog();
    expect(within(dialog).getByLabelText('Amount (USD)')).toHaveValue('10.00');
    await user.clear(within(dialog).getByLabelText('Amount (USD)'));
    await user.type(within(dialog).getByLabelText('Amount (USD)'), '30');
    await user.type(within(dialog).getByLabelText('Reason'), 'Overpaid');
    await user.click(within(dialog).getByLabelText('Take money back from paid items if needed'));
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const [path, init] = fetchMock.mock.calls[0];
    expect(path).toBe('/api/payments/pay-1/refunds');
    expect(JSON.parse(String(init?.body))).toEqual({ amount: '30', reason: 'Overpaid', deallocate: true });
  });

  it('shows the server’s limit at the amount and keeps the dialog open', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(409, {
        title: 'Refund needs deallocation',
        detail: 'Only 10.00 of the payment pays no item. Nothing was recorded.',
        errors: [{ pointer: '/amount', detail: 'must be at most 10.00' }],
      }),
    );
    const { dialog, user, onClose } = renderDialog();
    await user.clear(within(dialog).getByLabelText('Amount (USD)'));
    await user.type(within(dialog).getByLabelText('Amount (USD)'), '30');
    await user.type(within(dialog).getByLabelText('Reason'), 'Overpaid');
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));

    expect(await within(dialog).findByText('must be at most 10.00')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Amount (USD)')).toHaveAccessibleDescription('must be at most 10.00');
    expect(onClose).not.toHaveBeenCalled();
    expect(within(dialog).getByRole('button', { name: 'Refund' })).toBeEnabled();
  });

  it('checks the amount and reason before sending anything', async () => {
    const { dialog, user } = renderDialog();
    await user.clear(within(dialog).getByLabelText('Amount (USD)'));
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    expect(within(dialog).getByLabelText('Amount (USD)')).toHaveAccessibleDescription('Enter an amount');
    expect(within(dialog).getByLabelText('Reason')).toHaveAccessibleDescription('Say why');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
