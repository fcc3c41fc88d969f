import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { Authorization } from '../api/authorization-types';
import { AuthorizationDialog } from './authorization-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const stored: Authorization = {
  id: 'auth-1',
  childId: 'child-1',
  childName: 'Samuel Lee',
  payer: 'Blue Shield',
  memberId: 'M-778',
  authorizationNumber: 'PA-2026-001',
  serviceCode: '97153',
  unitsAuthorized: 96,
  startDate: '2026-01-01',
  endDate: '2026-06-30',
  notes: 'Renewal due in June',
  unitsUsed: 60,
  unitsScheduled: 12,
  unitsRemaining: 24,
  status: 'active',
  alert: null,
  version: 3,
};

function renderDialog(authorization: Authorization | null) {
  const onSaved = vi.fn();
  const rendered = renderWithProviders(
    <AuthorizationDialog
      childId="child-1"
      open
      authorization={authorization}
      existing={authorization ? [authorization] : []}
      onClose={() => {}}
      onSaved={onSaved}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: authorization ? 'Edit authorization' : 'Add authorization' });
  return { ...rendered, dialog, onSaved };
}

function puts() {
  return fetchMock.mock.calls.filter((call) => call[1]?.method === 'PUT');
}

describe('AuthorizationDialog', () => {
  it('checks the form before sending anything', async () => {
    const { dialog, user } = renderDialog(null);

    await user.type(within(dialog).getByLabelText('Units authorized'), '0');
    await user.type(within(dialog).getByLabelText('First day'), '2026-07-01');
    await user.type(within(dialog).getByLabelText('Last day'), '2026-06-01');
    await user.click(within(dialog).getByRole('button', { name: 'Save authorization' }));

    expect(within(dialog).getByLabelText('Payer')).toHaveAccessibleDescription('Enter the payer');
    expect(within(dialog).getByLabelText('Authorization number')).toHaveAccessibleDescription(
      'Enter the authorization number',
    );
    expect(within(dialog).getByLabelText('Units authorized')).toHaveAccessibleDescription('Enter 1 to 100000 units');
    expect(within(dialog).getByLabelText('Last day')).toHaveAccessibleDescription(
      'The last day cannot be before the first day',
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('edits with the version the admin saw', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ ...stored, unitsAuthorized: 120, version: 4 }));
    const { dialog, user, onSaved } = renderDialog(stored);

    expect(within(dialog).getByLabelText('Payer')).toHaveValue('Blue Shield');
    expect(within(dialog).getByLabelText('Notes (optional)')).toHaveValue('Renewal due in June');
    await user.clear(within(dialog).getByLabelText('Units authorized'));
    await user.type(within(dialog).getByLabelText('Units authorized'), '120');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 5000 });
    const [url, init] = puts()[0];
    expect(url).toBe('/api/authorizations/auth-1');
    expect(init?.headers).toMatchObject({ 'If-Match': '"3"' });
    expect(JSON.parse(String(init?.body))).toMatchObject({ unitsAuthorized: 120, memberId: 'M-778' });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ version: 4 }), false);
  });

  it('reloads the latest version when someone else changed it', async () => {
    const latest = { ...stored, payer: 'Blue Shield of California', version: 5 };
    fetchMock.mockImplementation((_, init) =>
      Promise.resolve(
        init?.method === 'PUT'
          ? problemResponse(412, { title: 'Precondition failed', detail: 'The authorization was changed.' })
          : jsonResponse(latest),
      ),
    );
    const { dialog, user, onSaved } = renderDialog(stored);

    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByText('This authorization was changed by someone else')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Payer')).toHaveValue('Blue Shield of California');
    expect(
      fetchMock.mock.calls.some(([url, init]) => url === '/api/authorizations/auth-1' && init?.method === 'GET'),
    ).toBe(true);
    expect(onSaved).not.toHaveBeenCalled();

    fetchMock.mockResolvedValue(jsonResponse({ ...latest, version: 6 }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 5000 });
    expect(puts()[1][1]?.headers).toMatchObject({ 'If-Match': '"5"' });
  });

  it('puts the server’s date rule at the last day', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(400, {
        title: 'Invalid authorization',
        detail: 'Some fields are invalid.',
        errors: [{ pointer: '/endDate', detail: 'must be on or after startDate' }],
      }),
    );
    const { dialog, user } = renderDialog(stored);

    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    await vi.waitFor(
      () =>
        expect(within(dialog).getByLabelText('Last day')).toHaveAccessibleDescription('must be on or after startDate'),
      { timeout: 5000 },
    );
  });
});
