import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { AdjustmentDialog } from './ledger-adjustment-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

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

  it('posts a credit as a negative amount and closes', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ id: 'entry-1' }, { status: 201 }));
    const { dialog, user, onClose } = renderDialog();
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'credit');
    await user.type(within(dialog).getByLabelText('Amount (USD)'), '12.50');
    await user.type(within(dialog).getByLabelText(/^Description/), 'Goodwill credit');
    await user.click(within(dialog).getByRole('button', { name: 'Post adjustment' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const [path, init] = fetchMock.mock.calls[0];
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
});
