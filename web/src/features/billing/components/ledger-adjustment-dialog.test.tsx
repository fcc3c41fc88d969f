import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { FamilyAccount, LedgerEntry } from '../api/ledger-types';
import { AdjustmentDialog } from './ledger-adjustment-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const account: FamilyAccount = {
  childId: 'child-1',
  childName: 'Ava Carter',
  balance: '60.00',
  open: '60.00',
  currency: 'USD',
  oldestOpenOn: '2026-10-06',
  lastPaymentOn: null,
};

function entry(id: string, occurredOn: string, description: string, open: string | null): LedgerEntry {
  return {
    id,
    childId: 'child-1',
    kind: open === null ? 'payment' : 'charge',
    amount: open ?? '-25.00',
    currency: 'USD',
    occurredOn,
    description,
    open,
    recordedAt: `${occurredOn}T15:00:00Z`,
    appliesTo: null,
    chargeId: null,
    insurancePaid: null,
    invoiceId: null,
    paymentId: null,
    reversedBy: null,
    reverses: null,
  };
}

/** The ledger newest first: two open charges and a payment. */
const ledger = {
  content: [
    entry('charge-2', '2026-11-03', '97153 ABA therapy', '40.00'),
    entry('payment-1', '2026-10-20', 'Check 1042', null),
    entry('charge-1', '2026-10-06', '97155 Protocol modification', '20.00'),
  ],
  page: { number: 0, size: 200, totalElements: 3, totalPages: 1 },
};

/** The family's account and ledger as the server has them; the adjustment answers `posted`. */
function serve(posted: () => Response) {
  fetchMock.mockImplementation(async (input, init) => {
    const path = String(input);
    if (init?.method === 'POST') return posted();
    if (path.endsWith('/account')) return jsonResponse(account);
    if (path.includes('/ledger-entries')) return jsonResponse(ledger);
    return jsonResponse({}, { status: 404 });
  });
}

const posts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');

function renderDialog() {
  const onClose = vi.fn();
  const rendered = renderWithProviders(<AdjustmentDialog childId="child-1" open onClose={onClose} />);
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Adjust balance' }), onClose };
}

describe('AdjustmentDialog', () => {
  it('checks the amount and description before sending anything', async () => {
    const { dialog, user } = renderDialog();
    await user.type(within(dialog).getByLabelText('Amount (USD)'), '-5');
    await user.click(within(dialog).getByRole('button', { name: 'Post adjustment' }));

    expect(within(dialog).getByLabelText('Amount (USD)')).toHaveAccessibleDescription(
      'Enter an amount such as 125.50 (at most two decimals)',
    );
    expect(within(dialog).getByLabelText(/^Description/)).toHaveAccessibleDescription(
      expect.stringContaining('Describe the adjustment'),
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('posts a credit as a negative amount, for the oldest open items first, and closes', async () => {
    serve(() => jsonResponse({ id: 'entry-1' }, { status: 201 }));
    const { dialog, user, onClose } = renderDialog();
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'credit');
    await user.type(within(dialog).getByLabelText('Amount (USD)'), '12.50');
    await user.type(within(dialog).getByLabelText(/^Description/), 'Goodwill credit');
    await user.click(within(dialog).getByRole('button', { name: 'Post adjustment' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const [path, init] = posts()[0];
    expect(path).toBe('/api/children/child-1/adjustments');
    expect(JSON.parse(String(init?.body))).toEqual({
      amount: '-12.50',
      currency: 'USD',
      occurredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      description: 'Goodwill credit',
    });
  });

  it('shows the server’s field error on its field and keeps the dialog open', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(400, {
        title: 'Invalid request',
        detail: 'The request has invalid fields.',
        errors: [{ pointer: '/occurredOn', detail: 'must be between 2000-01-01 and today' }],
      }),
    );
    const { dialog, user, onClose } = renderDialog();
    await user.type(within(dialog).getByLabelText('Amount (USD)'), '20');
    await user.type(within(dialog).getByLabelText(/^Description/), 'Late fee');
    await user.click(within(dialog).getByRole('button', { name: 'Post adjustment' }));

    expect(await within(dialog).findByText('must be between 2000-01-01 and today')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Date')).toHaveAccessibleDescription('must be between 2000-01-01 and today');
    expect(onClose).not.toHaveBeenCalled();
    expect(within(dialog).getByRole('button', { name: 'Post adjustment' })).toBeEnabled();
  });

  it('offers the family’s open items, oldest first, only for a credit, and applies the credit to the chosen one', async () => {
    serve(() => jsonResponse({ id: 'entry-2' }, { status: 201 }));
    const { dialog, user, onClose } = renderDialog();
    expect(within(dialog).queryByLabelText('Apply to')).not.toBeInTheDocument();

    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'credit');
    const applyTo = within(dialog).getByLabelText('Apply to');
    await vi.waitFor(() => expect(within(applyTo).getAllByRole('option')).toHaveLength(3));
    expect(
      within(applyTo)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'The oldest open items first',
      expect.stringMatching(/ · \$20\.00 open · Charge: 97155 Protocol modification$/),
      expect.stringMatching(/ · \$40\.00 open · Charge: 97153 ABA therapy$/),
    ]);
    expect(applyTo).toHaveValue('');

    await user.selectOptions(applyTo, 'charge-2');
    await user.type(within(dialog).getByLabelText('Amount (USD)'), '15');
    await user.type(within(dialog).getByLabelText(/^Description/), 'Session shortened by the clinic');
    await user.click(within(dialog).getByRole('button', { name: 'Post adjustment' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(JSON.parse(String(posts()[0][1]?.body))).toEqual({
      amount: '-15',
      currency: 'USD',
      occurredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      description: 'Session shortened by the clinic',
      appliesTo: 'charge-2',
    });
  });

  it('shows the server’s refusal of the chosen item at the item choice', async () => {
    serve(() =>
      problemResponse(409, {
        title: 'Not an open item',
        detail:
          'A credit applies only to a charge, a family share or a debit adjustment of this child that is still open; ' +
          'choose another item, or apply the credit to no item (the oldest open items take it). Nothing was recorded.',
        errors: [{ pointer: '/appliesTo', detail: 'must be an open item of this child' }],
      }),
    );
    const { dialog, user, onClose } = renderDialog();
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'credit');
    const applyTo = within(dialog).getByLabelText('Apply to');
    await vi.waitFor(() => expect(within(applyTo).getAllByRole('option')).toHaveLength(3));
    await user.selectOptions(applyTo, 'charge-1');
    await user.type(within(dialog).getByLabelText('Amount (USD)'), '5');
    await user.type(within(dialog).getByLabelText(/^Description/), 'Goodwill');
    await user.click(within(dialog).getByRole('button', { name: 'Post adjustment' }));

    expect(await within(dialog).findByText('must be an open item of this child')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Apply to')).toHaveAccessibleDescription(
      expect.stringContaining('must be an open item of this child'),
    );
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('shows the most the chosen item takes at the amount', async () => {
    serve(() =>
      problemResponse(409, {
        title: 'Write-off exceeds what is open',
        detail: 'A write-off can forgive at most what is still open on the item. Nothing was recorded.',
        errors: [{ pointer: '/amount', detail: 'must be at most 20.00' }],
        limit: '20.00',
      }),
    );
    const { dialog, user } = renderDialog();
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'credit');
    const applyTo = within(dialog).getByLabelText('Apply to');
    await vi.waitFor(() => expect(within(applyTo).getAllByRole('option')).toHaveLength(3));
    await user.selectOptions(applyTo, 'charge-1');
    await user.type(within(dialog).getByLabelText('Amount (USD)'), '25');
    await user.type(within(dialog).getByLabelText(/^Description/), 'Goodwill');
    await user.click(within(dialog).getByRole('button', { name: 'Post adjustment' }));

    expect(await within(dialog).findByText('must be at most 20.00')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Amount (USD)')).toHaveAccessibleDescription('must be at most 20.00');
  });

  it('says so when nothing is open', async () => {
    fetchMock.mockImplementation(async (input) =>
      String(input).endsWith('/account')
        ? jsonResponse({ ...account, balance: '0.00', open: '0.00', oldestOpenOn: null })
        : jsonResponse({ content: [], page: { number: 0, size: 200, totalElements: 0, totalPages: 0 } }),
    );
    const { dialog, user } = renderDialog();
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'credit');
    await vi.waitFor(() =>
      expect(within(dialog).getByLabelText('Apply to')).toHaveAccessibleDescription(
        'Nothing is open: the credit stays on the account for the next charges.',
      ),
    );
    expect(fetchMock.mock.calls.some(([path]) => String(path).includes('/ledger-entries'))).toBe(false);
  });
});
