import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { Authorization } from '../api/authorization-types';
import { AuthorizationsSection } from './authorizations-section';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function anAuthorization(overrides: Partial<Authorization> = {}): Authorization {
  return {
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
    notes: null,
    unitsUsed: 60,
    unitsScheduled: 12,
    unitsRemaining: 24,
    status: 'active',
    alert: null,
    version: 3,
    ...overrides,
  };
}

function posts() {
  return fetchMock.mock.calls.filter((call) => call[1]?.method === 'POST');
}

async function renderSection({ canEdit, list }: { canEdit: boolean; list: Authorization[] }) {
  fetchMock.mockImplementation((_, init) =>
    Promise.resolve(init?.method === 'GET' ? jsonResponse(list) : jsonResponse({}, { status: 500 })),
  );
  const rendered = renderWithProviders(<AuthorizationsSection childId="child-1" canEdit={canEdit} />);
  const section = screen.getByRole('region', { name: 'Insurance authorizations' });
  await within(section).findByText(list.length ? list[0].payer : 'No authorizations recorded.', { exact: false });
  return { ...rendered, section };
}

async function fillNewAuthorization(
  dialog: HTMLElement,
  user: ReturnType<typeof renderWithProviders>['user'],
  endDate = '2026-12-31',
) {
  await user.type(within(dialog).getByLabelText('Payer'), 'Aetna');
  await user.type(within(dialog).getByLabelText('Authorization number'), 'PA-2026-002');
  await user.selectOptions(within(dialog).getByLabelText('Service'), '97155');
  await user.type(within(dialog).getByLabelText('Units authorized'), '48');
  await user.type(within(dialog).getByLabelText('First day'), '2026-07-01');
  await user.type(within(dialog).getByLabelText('Last day'), endDate);
}

describe('AuthorizationsSection', () => {
  it('shows each authorization with its usage as a meter and in words', async () => {
    const { section } = await renderSection({
      canEdit: false,
      list: [anAuthorization({ alert: 'running_out' })],
    });

    expect(fetchMock.mock.calls[0][0]).toBe('/api/children/child-1/authorizations');
    const card = within(section).getByRole('listitem', { name: 'Direct treatment (97153)' });
    expect(card).toHaveTextContent('Blue Shield');
    expect(card).toHaveTextContent('PA-2026-001');
    expect(card).toHaveTextContent('M-778');
    expect(card).toHaveTextContent('96 units (24 h)');
    expect(card).toHaveTextContent('Running out');
    expect(card).toHaveTextContent('Active');
    const meter = within(card).getByRole('meter', { name: 'Units of authorization PA-2026-001' });
    expect(meter).toHaveAttribute('aria-valuenow', '60');
    expect(meter).toHaveAttribute('aria-valuemax', '96');
    expect(meter).toHaveAttribute('aria-valuetext', '60 of 96 units used, 12 scheduled, 24 left');
    expect(card).toHaveTextContent('60 of 96 units used, 12 scheduled, 24 left');
  });

  it('says when an authorization is over', async () => {
    const { section } = await renderSection({
      canEdit: false,
      list: [anAuthorization({ unitsUsed: 90, unitsScheduled: 10, unitsRemaining: -4, alert: 'over' })],
    });

    expect(section).toHaveTextContent('90 of 96 units used, 10 scheduled, 4 over');
    expect(section).toHaveTextContent('Over the authorization');
  });

  it('gives admins add, edit and delete', async () => {
    const { section } = await renderSection({ canEdit: true, list: [anAuthorization()] });

    expect(within(section).getByRole('button', { name: 'Add authorization' })).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Edit authorization PA-2026-001' })).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Delete authorization PA-2026-001' })).toBeInTheDocument();
  });

  it('is read-only for everyone else', async () => {
    const { section } = await renderSection({ canEdit: false, list: [anAuthorization()] });

    expect(within(section).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says when there are none', async () => {
    const { section } = await renderSection({ canEdit: false, list: [] });

    expect(section).toHaveTextContent('No authorizations recorded.');
  });

  it('renders nothing for a technician, whom the server refuses', async () => {
    fetchMock.mockResolvedValue(problemResponse(403, { title: 'Forbidden', detail: 'Not allowed.' }));
    const { container } = renderWithProviders(<AuthorizationsSection childId="child-1" canEdit={false} />);

    await vi.waitFor(() => expect(container).toBeEmptyDOMElement(), { timeout: 5000 });
  });

  it('shows the server’s field errors when adding one', async () => {
    const { section, user } = await renderSection({ canEdit: true, list: [] });
    fetchMock.mockImplementation((_, init) =>
      Promise.resolve(
        init?.method === 'POST'
          ? problemResponse(400, {
              title: 'Invalid authorization',
              detail: 'Some fields are invalid.',
              errors: [
                { pointer: '/unitsAuthorized', detail: 'must be between 1 and 100000' },
                { pointer: '/payer', detail: 'is not a known payer' },
              ],
            })
          : jsonResponse([]),
      ),
    );

    await user.click(within(section).getByRole('button', { name: 'Add authorization' }));
    const dialog = screen.getByRole('dialog', { name: 'Add authorization' });
    await fillNewAuthorization(dialog, user);
    await user.click(within(dialog).getByRole('button', { name: 'Save authorization' }));

    await vi.waitFor(
      () =>
        expect(within(dialog).getByLabelText('Units authorized')).toHaveAccessibleDescription(
          'must be between 1 and 100000',
        ),
      { timeout: 5000 },
    );
    expect(within(dialog).getByLabelText('Payer')).toHaveAccessibleDescription('is not a known payer');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(posts()[0][0]).toBe('/api/children/child-1/authorizations');
    expect(JSON.parse(String(posts()[0][1]?.body))).toEqual({
      payer: 'Aetna',
      memberId: null,
      authorizationNumber: 'PA-2026-002',
      serviceCode: '97155',
      unitsAuthorized: 48,
      startDate: '2026-07-01',
      endDate: '2026-12-31',
      notes: null,
    });
  });

  it('names the authorization a new one would overlap', async () => {
    const existing = anAuthorization({ serviceCode: '97155' });
    const { section, user } = await renderSection({ canEdit: true, list: [existing] });
    fetchMock.mockImplementation((_, init) =>
      Promise.resolve(
        init?.method === 'POST'
          ? problemResponse(409, {
              type: 'https://sparktherapy.org/problems/authorization-overlap',
              title: 'Authorizations overlap',
              detail: 'Another authorization of this child for the same service code covers some of these dates.',
              errors: [{ pointer: '/startDate', detail: 'overlaps another authorization of the same service code' }],
              conflictingId: existing.id,
            })
          : jsonResponse([existing]),
      ),
    );

    await user.click(within(section).getByRole('button', { name: 'Add authorization' }));
    const dialog = screen.getByRole('dialog', { name: 'Add authorization' });
    await fillNewAuthorization(dialog, user, '2026-08-31');
    await user.click(within(dialog).getByRole('button', { name: 'Save authorization' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('This overlaps another authorization for the same service');
    expect(alert).toHaveTextContent('It overlaps authorization PA-2026-001 (Protocol modification (97155)');
    expect(within(dialog).getByLabelText('First day')).toHaveAccessibleDescription(
      'overlaps another authorization of the same service code',
    );
    expect(dialog).toBeInTheDocument();
  });

  it('adds one and announces it', async () => {
    const { section, user } = await renderSection({ canEdit: true, list: [] });
    const created = anAuthorization({ id: 'auth-2', authorizationNumber: 'PA-2026-002' });
    fetchMock.mockImplementation((_, init) =>
      Promise.resolve(
        init?.method === 'POST'
          ? jsonResponse(created, { status: 201 })
          : jsonResponse(posts().length ? [created] : []),
      ),
    );

    await user.click(within(section).getByRole('button', { name: 'Add authorization' }));
    const dialog = screen.getByRole('dialog', { name: 'Add authorization' });
    await fillNewAuthorization(dialog, user);
    await user.click(within(dialog).getByRole('button', { name: 'Save authorization' }));

    await vi.waitFor(() => expect(dialog).not.toBeInTheDocument(), { timeout: 5000 });
    expect(within(section).getByRole('status')).toHaveTextContent('Authorization PA-2026-002 was added.');
    expect(await within(section).findByRole('meter')).toBeInTheDocument();
  });

  it('deletes one after asking', async () => {
    const { section, user } = await renderSection({ canEdit: true, list: [anAuthorization()] });
    fetchMock.mockImplementation((_, init) =>
      Promise.resolve(init?.method === 'DELETE' ? new Response(null, { status: 204 }) : jsonResponse([])),
    );

    await user.click(within(section).getByRole('button', { name: 'Delete authorization PA-2026-001' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete this authorization?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete authorization' }));

    await vi.waitFor(() => expect(confirm).not.toBeInTheDocument(), { timeout: 5000 });
    const deleteCall = fetchMock.mock.calls.find((call) => call[1]?.method === 'DELETE');
    expect(deleteCall?.[0]).toBe('/api/authorizations/auth-1');
    expect(await within(section).findByText('No authorizations recorded.', { exact: false })).toBeInTheDocument();
  });
});
