import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { LedgerEntry } from '../api/ledger-types';
import { ReversalDialog } from './ledger-reversal-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const entry: LedgerEntry = {
  id: 'entry-1',
  childId: 'child-1',
  kind: 'adjustment',
  amount: '20.00',
  currency: 'USD',
  occurredOn: '2026-11-20',
  description: 'Late fee',
  chargeId: null,
  paymentId: null,
  invoiceId: null,
  appliesTo: null,
  reverses: null,
  reversedBy: null,
  insurancePaid: null,
  open: '20.00',
  recordedAt: '2026-11-20T15:00:00Z',
};

function renderDialog() {
  const onClose = vi.fn();
  const rendered = renderWithProviders(<ReversalDialog entry={entry} onClose={onClose} />);
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Reverse entry' }), onClose };
}

describe('ReversalDialog', () => {
  it('asks for a reason, then reverses the entry', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ id: 'entry-2' }, { status: 201 }));
    const { dialog, user, onClose } = renderDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Reverse' }));
    expect(within(dialog).getByLabelText('Reason')).toHaveAccessibleDescription('Say why');
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText('Reason'), 'Posted twice');
    await user.click(within(dialog).getByRole('button', { name: 'Reverse' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const [path, init] = fetchMock.mock.calls[0];
    expect(path).toBe('/api/ledger-entries/entry-1/reversal');
    expect(JSON.parse(String(init?.body))).toEqual({ reason: 'Posted twice' });
  });

  it('says why the server refused, and lets the admin try again', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(409, {
        title: 'Entry not reversible',
        detail: 'Write-offs or credits apply to this item; reverse them first (or credit the rest).',
      }),
    );
    const { dialog, user, onClose } = renderDialog();
    await user.type(within(dialog).getByLabelText('Reason'), 'Posted twice');
    await user.click(within(dialog).getByRole('button', { name: 'Reverse' }));

    expect(await within(dialog).findByText(/reverse them first/)).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
    expect(within(dialog).getByRole('button', { name: 'Reverse' })).toBeEnabled();
  });
});
