import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { Child } from '../api/child-types';
import { AddCareTeamDialog } from './add-care-team-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const child: Child = {
  id: 'c1',
  firstName: 'Ava',
  lastName: 'Chen',
  preferredName: null,
  dateOfBirth: '2020-04-07',
  diagnosisCodes: [],
  status: 'active',
  intakeDate: null,
  school: null,
  medicalNotes: '',
  allergies: '',
  emergencyContacts: [],
  insurance: null,
  sex: null,
  address: null,
  guardians: [],
  careTeam: [],
  createdAt: '2026-01-05T10:00:00Z',
  updatedAt: '2026-01-05T10:00:00Z',
  version: 1,
  erasedAt: null,
};

const rbt = {
  id: 't2',
  name: 'Maya Okafor',
  email: 'maya@example.test',
  role: 'therapist',
  credential: 'RBT',
  active: true,
  createdAt: '2026-01-05T10:00:00Z',
  updatedAt: '2026-01-05T10:00:00Z',
  version: 0,
};

/** The candidates list for the picker; the care-team call answers with `added`. */
function serve(added: Response) {
  fetchMock.mockImplementation((input, init) =>
    Promise.resolve(
      init?.method === 'POST'
        ? added
        : String(input).startsWith('/api/users')
          ? jsonResponse({ content: [rbt], page: { number: 0, size: 20, totalElements: 1, totalPages: 1 } })
          : jsonResponse({}),
    ),
  );
}

async function addAsSupervisor() {
  const rendered = renderWithProviders(<AddCareTeamDialog child={child} open onClose={vi.fn()} onAdded={vi.fn()} />);
  const dialog = screen.getByRole('dialog', { name: 'Add therapist' });
  await within(dialog).findByRole('option', { name: 'Maya Okafor (RBT)' });
  await rendered.user.selectOptions(within(dialog).getByLabelText('Therapist'), 't2');
  await rendered.user.selectOptions(within(dialog).getByLabelText('Care team role'), 'supervisor');
  await rendered.user.click(within(dialog).getByRole('button', { name: 'Add to care team' }));
  return { ...rendered, dialog };
}

describe('AddCareTeamDialog', () => {
  it('shows why an RBT cannot be a supervisor at the role, not "invalid fields"', async () => {
    serve(
      problemResponse(400, {
        type: 'https://sparktherapy.org/problems/validation',
        title: 'Invalid request',
        detail:
          'Maya Okafor is an RBT, so they cannot supervise this child’s treatment: only a BCBA or BCaBA can. Add them as a technician instead.',
        errors: [
          { pointer: '/role', detail: 'An RBT cannot be a supervisor: only a BCBA or BCaBA can. Choose technician.' },
        ],
      }),
    );

    const { dialog } = await addAsSupervisor();

    await vi.waitFor(
      () =>
        expect(within(dialog).getByLabelText('Care team role')).toHaveAccessibleDescription(
          'An RBT cannot be a supervisor: only a BCBA or BCaBA can. Choose technician.',
        ),
      { timeout: 5000 },
    );
    expect(dialog).not.toHaveTextContent('invalid fields');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the problem’s detail when it points at no field of the dialog', async () => {
    serve(
      problemResponse(403, {
        type: 'https://sparktherapy.org/problems/forbidden',
        title: 'Forbidden',
        detail: 'Only admins change care teams.',
      }),
    );

    const { dialog } = await addAsSupervisor();

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Only admins change care teams.');
  });
});
