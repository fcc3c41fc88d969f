import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { InvoiceDialog } from './ledger-invoice-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

describe('InvoiceDialog', () => {
  it('checks every line, then drafts the invoice from them', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ id: 'inv-1' }, { status: 201 }));
    const onClose = vi.fn();
    const { user } = renderWithProviders(<InvoiceDialog childId="child-1" open onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Draft invoice' });

    await user.click(within(dialog).getByRole('button', { name: 'Add line' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save draft' }));
    const first = within(dialog).getByRole('group', { name: 'Line 1' });
    expect(within(first).getByLabelText('Description')).toHaveAccessibleDescription('Describe the service');
    expect(within(first).getByLabelText('Unit price (USD)')).toHaveAccessibleDescription('Enter an amount');
    expect(fetchMock).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Remove line 2' }));
    await user.type(within(first).getByLabelText('Description'), 'Adaptive behavior treatment');
    await user.clear(within(first).getByLabelText('Quantity'));
    await user.type(within(first).getByLabelText('Quantity'), '8');
    await user.type(within(first).getByLabelText('Unit price (USD)'), '31.25');
    await user.click(within(dialog).getByRole('button', { name: 'Save draft' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const [path, init] = fetchMock.mock.calls[0];
    expect(path).toBe('/api/children/child-1/invoices');
    expect(JSON.parse(String(init?.body))).toEqual({
      lines: [
        {
          description: 'Adaptive behavior treatment',
          serviceDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          quantity: 8,
          unitPrice: '31.25',
        },
      ],
    });
  });
});
