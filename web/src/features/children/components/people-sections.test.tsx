import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { Child } from '../api/child-types';
import { AddGuardianDialog } from './add-guardian-dialog';
import { CareTeamSection } from './care-team-section';
import { EditChildDialog } from './edit-child-dialog';
import { GuardiansSection } from './guardians-section';

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
    preferredName: null,
    dateOfBirth: '2020-04-07',
    diagnosisCodes: [],
    status: 'active',
    intakeDate: null,
    school: null,
    medicalNotes: '',
    allergies: 'Peanuts',
    emergencyContacts: [],
    insurance: null,
    sex: null,
    address: null,
    guardians: [{ userId: 'p1', name: 'Pat Lee', email: 'pat@example.test', relationship: 'mother', canSign: true }],
    careTeam: [
      { userId: 't2', name: 'Rae RBT', credential: 'RBT', role: 'technician' },
      { userId: 't1', name: 'Bea BCBA', credential: 'BCBA', role: 'supervisor' },
    ],
    createdAt: '2026-01-05T10:00:00Z',
    updatedAt: '2026-01-05T10:00:00Z',
    version: 4,
    erasedAt: null,
    ...overrides,
  };
}

describe('people sections', () => {
  it('list guardians and the care team (supervisors first) in regions named by their headings', () => {
    renderWithProviders(
      <>
        <GuardiansSection child={aChild()} canManage={false} onNotice={vi.fn()} />
        <CareTeamSection child={aChild()} canManage={false} onNotice={vi.fn()} />
      </>,
    );

    const guardians = screen.getByRole('region', { name: 'Guardians' });
    expect(guardians).toHaveTextContent('Pat Lee');
    expect(guardians).toHaveTextContent('mother · pat@example.test');
    expect(within(guardians).getByText('Can sign')).toBeInTheDocument();
    const careTeam = screen.getByRole('region', { name: 'Care team' });
    expect(
      within(careTeam)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringContaining('Bea BCBA'), expect.stringContaining('Rae RBT')]);
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add guardian' })).not.toBeInTheDocument();
  });

  it('say when nobody is linked', () => {
    renderWithProviders(
      <>
        <GuardiansSection child={aChild({ guardians: [] })} canManage onNotice={vi.fn()} />
        <CareTeamSection child={aChild({ careTeam: [] })} canManage onNotice={vi.fn()} />
      </>,
    );

    expect(screen.getByText('No guardian is linked yet.')).toBeInTheDocument();
    expect(screen.getByText('No therapist is on the care team yet.')).toBeInTheDocument();
  });

  it('ask before removing someone, then tell what happened', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    const onNotice = vi.fn();
    const { user } = renderWithProviders(<CareTeamSection child={aChild()} canManage onNotice={onNotice} />);

    await user.click(screen.getByRole('button', { name: 'Remove Rae RBT' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Rae RBT from the care team?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove from care team' }));

    await vi.waitFor(() => expect(onNotice).toHaveBeenCalledWith('Rae RBT was removed from the care team.'));
    expect(fetchMock.mock.calls[0][1]?.method).toBe('DELETE');
  });
});

describe('AddGuardianDialog', () => {
  it('says what is missing before sending anything', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse({ content: [], page: { number: 0, size: 20, totalElements: 0, totalPages: 0 } }),
    );
    const { user } = renderWithProviders(
      <AddGuardianDialog child={aChild()} open onClose={vi.fn()} onAdded={vi.fn()} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Add guardian' });

    await user.clear(within(dialog).getByLabelText('Relationship'));
    await user.click(within(dialog).getByRole('button', { name: 'Add guardian' }));

    expect(within(dialog).getByLabelText('Parent')).toHaveAccessibleDescription('Choose a parent');
    expect(within(dialog).getByLabelText('Relationship')).toHaveAccessibleDescription(
      expect.stringContaining('Enter how they are related to the child'),
    );
    expect(fetchMock.mock.calls.every(([, init]) => init?.method !== 'POST')).toBe(true);
  });
});

describe('EditChildDialog', () => {
  it('reloads the record when someone else changed it, and says so', async () => {
    fetchMock
      .mockResolvedValueOnce(
        problemResponse(412, { title: 'Precondition Failed', detail: 'The record was changed by someone else.' }),
      )
      .mockResolvedValueOnce(jsonResponse(aChild({ allergies: 'Peanuts, milk', version: 5 })));
    const { user } = renderWithProviders(
      <EditChildDialog child={aChild()} mode="guardian" open onClose={vi.fn()} onSaved={vi.fn()} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Edit contacts and health' });

    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByText('This record was changed by someone else')).toBeInTheDocument();
    expect(within(dialog).getByText(/The form now shows the latest details/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Allergies/)).toHaveValue('Peanuts, milk');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(fetchMock.mock.calls[1][0]).toBe('/api/children/c1');
  });
});
