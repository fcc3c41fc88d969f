import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import type { Child, ChildAccess } from '../api/child-types';
import { ChildScreen } from './child-screen';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function aChild(overrides: Partial<Child> = {}): Child {
  return {
    id: 'c1',
    firstName: 'Samuel',
    lastName: 'Lee',
    preferredName: 'Sam',
    dateOfBirth: '2020-04-07',
    diagnosisCodes: ['F84.0'],
    status: 'intake',
    intakeDate: null,
    school: null,
    medicalNotes: '',
    allergies: 'Peanuts',
    emergencyContacts: [{ name: 'Grandma Lee', relationship: 'grandmother', phone: '555-123-4567' }],
    insurance: null,
    sex: null,
    address: null,
    guardians: [{ userId: 'p1', name: 'Pat Lee', email: 'pat@example.test', relationship: 'mother', canSign: true }],
    careTeam: [{ userId: 't1', name: 'Bea BCBA', credential: 'BCBA', role: 'supervisor' }],
    createdAt: '2026-01-05T10:00:00Z',
    updatedAt: '2026-01-05T10:00:00Z',
    version: 4,
    erasedAt: null,
    ...overrides,
  };
}

const ADMIN: ChildAccess = { canAdmin: true, isGuardian: false, isSupervisor: false, isCareTeam: false };
const GUARDIAN: ChildAccess = { canAdmin: false, isGuardian: true, isSupervisor: false, isCareTeam: false };
const THERAPIST: ChildAccess = { canAdmin: false, isGuardian: false, isSupervisor: true, isCareTeam: true };

describe('ChildScreen', () => {
  it('lets an admin activate a child in intake, guarded by the version they saw', async () => {
    fetchMock.mockResolvedValue(jsonResponse(aChild({ status: 'active', version: 5 })));
    const { user } = renderWithProviders(<ChildScreen child={aChild()} access={ADMIN} />);

    await user.click(screen.getByRole('button', { name: 'Activate' }));

    expect(await screen.findByText('The child is now active.')).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/children/c1');
    expect(init?.method).toBe('PUT');
    expect(init?.headers).toMatchObject({ 'If-Match': '"4"' });
    expect(JSON.parse(String(init?.body))).toEqual({ status: 'active' });
  });

  it('gives admins guardian, care team and archive controls', () => {
    renderWithProviders(<ChildScreen child={aChild({ status: 'active' })} access={ADMIN} />);

    expect(screen.queryByRole('button', { name: 'Activate' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit details' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add guardian' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove Pat Lee' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add therapist' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Archive' })).toBeInTheDocument();
  });

  it('shows the child’s sex and home address, and an admin changes them in the edit dialog', async () => {
    const home = { line1: '12 Elm Street', line2: null, city: 'Springfield', state: 'IL', postalCode: '627041234' };
    fetchMock.mockResolvedValue(jsonResponse(aChild({ sex: 'male', address: home, version: 5 })));
    const { user } = renderWithProviders(
      <ChildScreen child={aChild({ sex: 'female', address: home })} access={ADMIN} />,
    );
    expect(screen.getByText('Female')).toBeInTheDocument();
    expect(screen.getByText('12 Elm Street, Springfield, IL 62704-1234')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit details' }));
    const dialog = screen.getByRole('dialog', { name: /Edit/ });
    expect(within(dialog).getByLabelText('Street address')).toHaveValue('12 Elm Street');
    await user.selectOptions(within(dialog).getByLabelText('Sex (as on the insurance card)'), 'male');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('The changes were saved.')).toBeInTheDocument();
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toMatchObject({
      sex: 'male',
      address: { line1: '12 Elm Street', city: 'Springfield', state: 'IL', postalCode: '627041234' },
    });
  });

  it('says when the sex and address are not recorded, and a guardian cannot change them', async () => {
    const { user } = renderWithProviders(<ChildScreen child={aChild()} access={GUARDIAN} />);
    expect(screen.getAllByText('Not recorded')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Edit contacts and health' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit contacts and health' });
    expect(within(dialog).queryByLabelText('Street address')).not.toBeInTheDocument();
  });

  it('lets a guardian edit only contacts and health, and sends only those', async () => {
    fetchMock.mockResolvedValue(jsonResponse(aChild({ allergies: 'Peanuts, shellfish', version: 5 })));
    const { user } = renderWithProviders(<ChildScreen child={aChild()} access={GUARDIAN} />);
    expect(screen.queryByRole('button', { name: 'Archive' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add guardian' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Activate' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit contacts and health' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit contacts and health' });
    expect(within(dialog).queryByLabelText('First name')).not.toBeInTheDocument();
    expect(within(dialog).queryByLabelText('Status')).not.toBeInTheDocument();
    const allergies = within(dialog).getByLabelText('Allergies (optional)');
    await user.clear(allergies);
    await user.type(allergies, 'Peanuts, shellfish');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('The changes were saved.')).toBeInTheDocument();
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({
      emergencyContacts: [{ name: 'Grandma Lee', relationship: 'grandmother', phone: '555-123-4567' }],
      medicalNotes: '',
      allergies: 'Peanuts, shellfish',
    });
  });

  it('shows therapists the record without any way to change it', () => {
    renderWithProviders(<ChildScreen child={aChild()} access={THERAPIST} />);

    expect(screen.getByText('Peanuts')).toBeInTheDocument();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.getByRole('link', { name: 'History' })).toHaveAttribute('href', '/children/c1/history');
  });

  it('shows an admin the clinic fields when editing', async () => {
    const { user } = renderWithProviders(<ChildScreen child={aChild()} access={ADMIN} />);

    await user.click(screen.getByRole('button', { name: 'Edit details' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit child' });

    expect(within(dialog).getByLabelText('First name')).toHaveValue('Samuel');
    expect(within(dialog).getByLabelText('Status')).toHaveValue('intake');
    expect(within(dialog).getByLabelText('Diagnosis codes (optional)')).toHaveValue('F84.0');
  });
});
