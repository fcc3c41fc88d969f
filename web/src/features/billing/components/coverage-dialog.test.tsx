import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { Coverage, Payer } from '../api/charge-types';
import { CoverageDialog } from './coverage-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const address = { line1: null, line2: null, city: null, state: null, postalCode: null };

const payers: Payer[] = [
  {
    id: 'private',
    name: 'Private pay',
    kind: 'private_pay',
    x12PayerId: null,
    roundingRule: 'cms_8_minute',
    requiresAuthorization: false,
    currency: 'USD',
    address,
    active: true,
    modifiers: {},
    claimFilingIndicator: 'CI',
    version: 0,
  },
  {
    id: 'bcbs',
    name: 'Blue Cross Blue Shield',
    kind: 'insurance',
    x12PayerId: 'BCBSIL',
    roundingRule: 'cms_8_minute',
    requiresAuthorization: true,
    currency: 'USD',
    address,
    active: true,
    modifiers: { RBT: 'HM' },
    claimFilingIndicator: 'CI',
    version: 0,
  },
];

const stored: Coverage = {
  id: 'coverage-1',
  childId: 'child-1',
  payerId: 'bcbs',
  memberId: null,
  groupNumber: 'G-1',
  subscriberName: 'Pat Lee',
  subscriberRelationship: 'child',
  subscriberDateOfBirth: null,
  subscriberAddress: null,
  diagnosisCodes: ['F84.0'],
  startDate: '2026-01-01',
  endDate: null,
  priority: 1,
  version: 4,
};

function renderDialog(coverage: Coverage | null) {
  const onSaved = vi.fn();
  const rendered = renderWithProviders(
    <CoverageDialog childId="child-1" open coverage={coverage} payers={payers} onClose={() => {}} onSaved={onSaved} />,
  );
  const dialog = screen.getByRole('dialog', { name: coverage ? 'Edit coverage' : 'Add coverage' });
  return { ...rendered, dialog, onSaved };
}

describe('CoverageDialog', () => {
  it('offers only insurers and checks the form before sending anything', async () => {
    const { dialog, user } = renderDialog(null);

    const insurer = within(dialog).getByLabelText(/Insurer/);
    expect(within(insurer).queryByRole('option', { name: 'Private pay' })).not.toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/Diagnosis codes/), 'F84.0, 299.00');
    await user.click(within(dialog).getByRole('button', { name: 'Save coverage' }));

    expect(await within(dialog).findByText('Choose the insurer')).toBeInTheDocument();
    expect(within(dialog).getByText('ICD-10 codes such as F84.0, separated by commas')).toBeInTheDocument();
    expect(within(dialog).getByText('Enter the first day')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('records a coverage with its codes as a list', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ ...stored, id: 'coverage-2', memberId: 'BCB-1' }, { status: 201 }));
    const { dialog, user, onSaved } = renderDialog(null);

    await user.selectOptions(within(dialog).getByLabelText(/Insurer/), 'Blue Cross Blue Shield');
    await user.type(within(dialog).getByLabelText('Member ID'), 'BCB-1');
    await user.type(within(dialog).getByLabelText(/Diagnosis codes/), 'f84.0 z13.41');
    await user.type(within(dialog).getByLabelText(/First day/), '2026-01-01');
    await user.click(within(dialog).getByRole('button', { name: 'Save coverage' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/children/child-1/coverages');
    expect(JSON.parse(String(init?.body))).toMatchObject({
      payerId: 'bcbs',
      memberId: 'BCB-1',
      diagnosisCodes: ['F84.0', 'Z13.41'],
      startDate: '2026-01-01',
      endDate: null,
      priority: 1,
    });
  });

  it('sends the subscriber’s address whole, and asks for the rest of one begun', async () => {
    fetchMock.mockResolvedValue(jsonResponse(stored));
    const { dialog, user, onSaved } = renderDialog(stored);

    await user.type(within(dialog).getByLabelText('Street'), '40 Birch Road');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await within(dialog).findByText('Enter the city')).toBeInTheDocument();
    expect(within(dialog).getByText('Enter the state')).toBeInTheDocument();
    expect(within(dialog).getByText('Enter the ZIP code')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText('City'), 'Chatham');
    await user.type(within(dialog).getByLabelText('State'), 'il');
    await user.type(within(dialog).getByLabelText('ZIP code'), '62629');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [, init] = fetchMock.mock.calls[0];
    expect(JSON.parse(String(init?.body)).subscriberAddress).toEqual({
      line1: '40 Birch Road',
      line2: null,
      city: 'Chatham',
      state: 'IL',
      postalCode: '62629',
    });
  });

  it('shows the server’s error at the subscriber’s address field it names', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(400, {
        title: 'Invalid request',
        detail: 'The request has invalid fields.',
        errors: [{ pointer: '/subscriberAddress/city', detail: 'must be at most 30 characters' }],
      }),
    );
    const { dialog, user } = renderDialog({
      ...stored,
      subscriberAddress: { line1: '40 Birch Road', line2: null, city: 'Chatham', state: 'IL', postalCode: '62629' },
    });

    expect(within(dialog).getByLabelText('Street')).toHaveValue('40 Birch Road');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    const city = within(dialog).getByLabelText('City');
    expect(await within(dialog).findByText('must be at most 30 characters')).toBeInTheDocument();
    expect(city).toHaveAttribute('aria-invalid', 'true');
  });

  it('edits with the version it saw and shows the server’s field errors', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(400, {
        title: 'Invalid request',
        detail: 'The request has invalid fields.',
        errors: [{ pointer: '/diagnosisCodes/0', detail: 'must be an ICD-10 code such as F84.0' }],
      }),
    );
    const { dialog, user } = renderDialog(stored);

    await user.type(within(dialog).getByLabelText('Member ID'), 'M-9');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByText('must be an ICD-10 code such as F84.0')).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/coverages/coverage-1');
    expect((init?.headers as Record<string, string>)['If-Match']).toBe('"4"');
  });
});
