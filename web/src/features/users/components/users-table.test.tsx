import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { aTherapist, aUser, anAdmin } from '../../../test/fixtures';
import { UsersTable } from './users-table';

function renderTable(currentUserId?: string) {
  const admin = anAdmin();
  const therapist = aTherapist({ name: 'Tess Therapist', email: 'tess@example.test', credential: 'BCBA' });
  const formerParent = aUser({ name: 'Pat Parent', email: 'pat@example.test', active: false });
  const handlers = { onEdit: vi.fn(), onDeactivate: vi.fn(), onReactivate: vi.fn() };
  render(
    <UsersTable users={[admin, therapist, formerParent]} currentUserId={currentUserId ?? admin.id} {...handlers} />,
  );
  return { admin, therapist, formerParent, ...handlers };
}

describe('UsersTable', () => {
  it('shows one row per user with name, email, role and status', () => {
    renderTable();

    const table = screen.getByRole('table', { name: 'Users' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    const tess = within(table).getByRole('row', { name: /Tess Therapist/ });
    expect(tess).toHaveTextContent('tess@example.test');
    expect(tess).toHaveTextContent('Therapist · BCBA');
    expect(tess).toHaveTextContent('Active');
    expect(within(table).getByRole('row', { name: /Pat Parent/ })).toHaveTextContent('Inactive');
  });

  it('offers reactivation for inactive users and deactivation for active ones', async () => {
    const { therapist, formerParent, onDeactivate, onReactivate } = renderTable();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Deactivate Tess Therapist' }));
    await user.click(screen.getByRole('button', { name: 'Reactivate Pat Parent' }));

    expect(onDeactivate).toHaveBeenCalledWith(therapist);
    expect(onReactivate).toHaveBeenCalledWith(formerParent);
    expect(screen.queryByRole('button', { name: 'Deactivate Pat Parent' })).not.toBeInTheDocument();
  });

  it('does not let admins deactivate themselves', () => {
    renderTable();

    expect(screen.getByRole('button', { name: 'Edit Ada Admin' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Deactivate Ada Admin' })).not.toBeInTheDocument();
  });

  it('lets every row be edited', async () => {
    const { therapist, onEdit } = renderTable();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Edit Tess Therapist' }));

    expect(onEdit).toHaveBeenCalledWith(therapist);
  });
});
