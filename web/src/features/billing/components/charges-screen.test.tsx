import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { Charge, Payer } from '../api/charge-types';
import { ChargesScreen } from './charges-screen';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const held: Charge = {
  id: 'charge-1',
  appointmentId: 'appt-1',
  sessionId: 'session-1',
  childId: 'child-1',
  childName: 'Samuel Lee',
  payerId: 'payer-1',
  payerName: 'Blue Shield',
  payerKind: 'insurance',
  coverageId: 'coverage-1',
  serviceCode: '97153',
  modifiers: ['HM'],
  serviceDate: '2026-11-20',
  startsAt: '2026-11-20T15:00:00Z',
  endsAt: '2026-11-20T16:00:00Z',
  minutes: 60,
  units: 4,
  unitRate: '18.50',
  amount: '74.00',
  currency: 'USD',
  place: 'clinic',
  placeOfService: '11',
  renderingProviderId: 'rbt-1',
  renderingProviderName: 'Luis Romero',
  supervisingProviderId: 'bcba-1',
  supervisingProviderName: 'Dana Whitfield',
  diagnosisCodes: ['F84.0'],
  authorizationId: null,
  authorizationNumber: null,
  status: 'held',
  holdReasons: [
    { code: 'missing_member_id', message: 'The child’s coverage has no member id.', fix: '/children/child-1#coverage' },
    { code: 'note_unsigned', message: 'The session’s note is not signed yet.', fix: '/sessions/session-1' },
    {
      code: 'child_record_incomplete',
      message: 'The child’s record has no sex; the claim names both for the patient.',
      fix: '/children/child-1',
    },
  ],
  voidReason: null,
  version: 2,
};

const payers: Payer[] = [
  {
    id: 'payer-1',
    name: 'Blue Shield',
    kind: 'insurance',
    x12PayerId: 'BS01',
    roundingRule: 'cms_8_minute',
    requiresAuthorization: true,
    currency: 'USD',
    address: { line1: null, line2: null, city: null, state: null, postalCode: null },
    active: true,
    modifiers: { RBT: 'HM' },
    claimFilingIndicator: 'CI',
    version: 0,
  },
];

function page(content: Charge[], total = content.length) {
  return { content, page: { number: 0, size: 20, totalElements: total, totalPages: 1 } };
}

function respond(overrides: (url: string, init?: RequestInit) => Response | undefined = () => undefined) {
  fetchMock.mockImplementation((input, init) => {
    const url = String(input);
    const answer = overrides(url, init);
    if (answer) return Promise.resolve(answer);
    if (url.startsWith('/api/payers')) return Promise.resolve(jsonResponse(payers));
    if (url.includes('status=ready')) return Promise.resolve(jsonResponse(page([], 7)));
    if (url.includes('status=held')) return Promise.resolve(jsonResponse(page([held])));
    return Promise.resolve(jsonResponse(page([])));
  });
}

describe('ChargesScreen', () => {
  it('shows held charges with every reason and a link to fix each', async () => {
    respond();
    renderWithProviders(<ChargesScreen />);

    const table = await screen.findByRole('table', { name: 'Held charges' });
    const row = within(table).getByRole('row', { name: /Samuel Lee/ });
    expect(row).toHaveTextContent('Direct treatment (97153)');
    expect(row).toHaveTextContent('Modifiers HM');
    expect(row).toHaveTextContent('$74.00');
    expect(within(row).getByRole('link', { name: 'Add the member ID' })).toHaveAttribute(
      'href',
      '/children/child-1#coverage',
    );
    expect(within(row).getByRole('link', { name: 'Open the session' })).toHaveAttribute('href', '/sessions/session-1');
    expect(row).toHaveTextContent('The child’s record has no sex');
    expect(within(row).getByRole('link', { name: 'Complete the child’s record' })).toHaveAttribute(
      'href',
      '/children/child-1',
    );
    expect(await screen.findByRole('tab', { name: 'Held (1)' }, { timeout: 5000 })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(await screen.findByRole('tab', { name: 'Ready (7)' }, { timeout: 5000 })).toHaveAttribute(
      'aria-selected',
      'false',
    );
  });

  it('switches to the ready charges and filters by payer', async () => {
    respond();
    const { user } = renderWithProviders(<ChargesScreen />);
    await screen.findByRole('table', { name: 'Held charges' });

    await user.click(screen.getByRole('tab', { name: /Ready/ }));
    expect(await screen.findByText('No charge is ready to bill.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Payer'), 'Blue Shield');
    await vi.waitFor(() =>
      expect(fetchMock.mock.calls.map((call) => String(call[0]))).toContain(
        '/api/charges?status=ready&payerId=payer-1&page=0&size=20',
      ),
    );
  });

  it('checks a charge again and says whether it is ready now', async () => {
    respond((url, init) =>
      url === '/api/charges/charge-1/recheck' && init?.method === 'POST'
        ? jsonResponse({ ...held, status: 'ready', holdReasons: [] })
        : undefined,
    );
    const { user } = renderWithProviders(<ChargesScreen />);
    await screen.findByRole('table', { name: 'Held charges' });

    await user.click(screen.getByRole('button', { name: /^Check the charge of Samuel Lee on .* again$/ }));

    expect(await screen.findByText(/^The charge of Samuel Lee on .* is ready now\.$/)).toBeInTheDocument();
  });

  it('voids a charge with a reason, guarded by its version', async () => {
    respond((url, init) =>
      url === '/api/charges/charge-1/void' && init?.method === 'POST'
        ? jsonResponse({ ...held, status: 'void', voidReason: 'Recorded twice' })
        : undefined,
    );
    const { user } = renderWithProviders(<ChargesScreen />);
    await screen.findByRole('table', { name: 'Held charges' });

    await user.click(screen.getByRole('button', { name: /^Void the charge of Samuel Lee on / }));
    const dialog = screen.getByRole('dialog', { name: 'Void this charge?' });
    await user.click(within(dialog).getByRole('button', { name: 'Void charge' }));
    expect(await within(dialog).findByText('Say why the charge is voided')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText(/Reason/), 'Recorded twice');
    await user.click(within(dialog).getByRole('button', { name: 'Void charge' }));

    expect(await screen.findByText(/^The charge of Samuel Lee on .* was voided\.$/)).toBeInTheDocument();
    const call = fetchMock.mock.calls.find((c) => String(c[0]) === '/api/charges/charge-1/void');
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ reason: 'Recorded twice' });
    expect((call?.[1]?.headers as Record<string, string>)['If-Match']).toBe('"2"');
  });

  it('shows the server’s refusal to check held charges again', async () => {
    respond((url, init) =>
      url === '/api/charges/recheck' && init?.method === 'POST'
        ? problemResponse(403, { title: 'Forbidden', detail: 'Only admins check charges.' })
        : undefined,
    );
    const { user } = renderWithProviders(<ChargesScreen />);
    await screen.findByRole('table', { name: 'Held charges' });

    await user.click(screen.getByRole('button', { name: 'Check held charges again' }));

    expect(await screen.findByText('Only admins check charges.')).toBeInTheDocument();
  });
});
