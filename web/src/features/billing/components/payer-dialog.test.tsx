import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { Payer } from '../api/charge-types';
import { PayerDialog } from './payer-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const saved: Payer = {
  id: 'payer-1',
  name: 'State Medicaid',
  kind: 'insurance',
  x12PayerId: 'ILMCD',
  roundingRule: 'whole_units',
  requiresAuthorization: true,
  currency: 'USD',
  address: { line1: null, line2: null, city: null, state: 'IL', postalCode: null },
  active: true,
  modifiers: { RBT: 'HM', BCBA: 'HP' },
  claimFilingIndicator: 'MC',
  version: 0,
};

describe('PayerDialog', () => {
  it('adds an insurer with its rounding rule and modifiers by credential', async () => {
    fetchMock.mockResolvedValue(jsonResponse(saved, { status: 201 }));
    const onSaved = vi.fn();
    const { user } = renderWithProviders(<PayerDialog open payer={null} onClose={() => {}} onSaved={onSaved} />);
    const dialog = screen.getByRole('dialog', { name: 'Add an insurer' });

    await user.type(within(dialog).getByLabelText(/Name/), 'State Medicaid');
    await user.type(within(dialog).getByLabelText(/Payer ID for claims/), 'ILMCD');
    await user.selectOptions(within(dialog).getByLabelText(/Rounding/), 'whole_units');
    expect(within(dialog).getByLabelText(/claim filing indicator/)).toHaveValue('CI');
    await user.selectOptions(within(dialog).getByLabelText(/claim filing indicator/), 'MC');
    await user.type(within(dialog).getByLabelText('RBT'), 'hm');
    await user.type(within(dialog).getByLabelText('BCBA'), 'HP');
    await user.type(within(dialog).getByLabelText('State'), 'il');
    await user.click(within(dialog).getByRole('button', { name: 'Add insurer' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved, true));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/payers');
    expect(JSON.parse(String(init?.body))).toMatchObject({
      name: 'State Medicaid',
      x12PayerId: 'ILMCD',
      roundingRule: 'whole_units',
      claimFilingIndicator: 'MC',
      modifiers: { RBT: 'HM', BCBA: 'HP' },
      address: { state: 'IL' },
    });
  });

  it('refuses a modifier that is not two characters before sending', async () => {
    const { user } = renderWithProviders(<PayerDialog open payer={null} onClose={() => {}} onSaved={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Add an insurer' });

    await user.type(within(dialog).getByLabelText(/Name/), 'Aetna');
    await user.type(within(dialog).getByLabelText('RBT'), 'HM1');
    await user.click(within(dialog).getByRole('button', { name: 'Add insurer' }));

    expect(await within(dialog).findByText('Two letters or digits, e.g. HM')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('puts the server’s 409 for a taken name in the dialog', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(409, {
        title: 'Payer name taken',
        detail: 'Another payer has this name.',
        errors: [{ pointer: '/name', detail: 'is taken by another payer' }],
      }),
    );
    const { user } = renderWithProviders(<PayerDialog open payer={saved} onClose={() => {}} onSaved={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Edit State Medicaid' });

    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByText('is taken by another payer')).toBeInTheDocument();
    expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>)['If-Match']).toBe('"0"');
  });
});
