import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { Invoice } from '../api/ledger-types';
import { CreditNoteDialog } from './ledger-credit-note-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const invoice = { id: 'inv-1', number: 'INV-000001', kind: 'invoice', status: 'issued', open: '450.00' } as Invoice;

function renderDialog() {
  const onClose = vi.fn();
  const rendered = renderWithProviders(<CreditNoteDialog invoice={invoice} onClose={onClose} />);
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Issue credit note' }), onClose };
}

describe('CreditNoteDialog', () => {
  it('offers what is open and issues the credit note', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ id: 'cn-1' }, { status: 201 }));
    const { dialog, user, onClose } = renderDialog();
    expect(within(dialog).getByLabelText('Amount (USD)')).toHaveValue('450.00');
    await user.clear(within(dialog).getByLabelText('Amount (USD)'));
    await user.type(within(dialog).getByLabelText('Amount (USD)'), '100');
    await user.type(within(dialog).getByLabelText('Reason'), 'Session cancelled by the clinic');
    await user.click(within(dialog).getByRole('button', { name: 'Issue credit note' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const [path, init] = fetchMock.mock.calls[0];
    expect(path).toBe('/api/invoices/inv-1/credit-notes');
    expect(JSON.parse(String(init?.body))).toEqual({ amount: '100', reason: 'Session cancelled by the clinic' });
  });

  it('shows the server’s refusal when the credit is more than is open', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(409, {
        title: 'Credit exceeds invoice',
        detail: 'At most 450.00 is open on the invoice.',
        errors: [{ pointer: '/amount', detail: 'at most 450.00' }],
      }),
    );
    const { dialog, user, onClose } = renderDialog();
    await user.clear(within(dialog).getByLabelText('Amount (USD)'));
    await user.type(within(dialog).getByLabelText('Amount (USD)'), '500');
    await user.type(within(dialog).getByLabelText('Reason'), 'Too much');
    await user.click(within(dialog).getByRole('button', { name: 'Issue credit note' }));

    expect(await within(dialog).findByText('at most 450.00')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
    expect(within(dialog).getByRole('button', { name: 'Issue credit note' })).toBeEnabled();
  });

  it('checks the reason before sending anything', async () => {
    const { dialog, user } = renderDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Issue credit note' }));
    expect(within(dialog).getByLabelText('Reason')).toHaveAccessibleDescription('Say why');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
