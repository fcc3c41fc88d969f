import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aTherapist } from '../../../test/fixtures';
import { problemResponse, renderWithProviders } from '../../../test/render';
import { EditUserDialog } from './edit-user-dialog';

const fetchMock = vi.fn<typeof fetch>();
const tess = aTherapist({ name: 'Tess Therapist' });

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function renderDialog(currentUserId = 'someone-else') {
  const rendered = renderWithProviders(
    <EditUserDialog user={tess} currentUserId={currentUserId} onClose={vi.fn()} onSaved={vi.fn()} />,
  );
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Edit Tess Therapist' }) };
}

describe('ending all sign-ins of a user', () => {
  it('asks first, ends them with DELETE /api/users/{id}/sessions and says so', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    const { user, dialog } = renderDialog();

    await user.click(within(dialog).getByRole('button', { name: 'End all sign-ins…' }));
    expect(fetchMock).not.toHaveBeenCalled();
    const confirm = within(dialog).getByRole('group', { name: 'Confirm ending all sign-ins' });
    expect(confirm).toHaveTextContent('End every sign-in of Tess Therapist now?');
    await user.click(within(confirm).getByRole('button', { name: 'End all sign-ins' }));

    expect(await within(dialog).findByText('All of Tess Therapist’s sign-ins were ended.')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe(`/api/users/${tess.id}/sessions`);
    expect(fetchMock.mock.calls[0][1]?.method).toBe('DELETE');
  });

  it('sends nothing when the admin keeps them signed in', async () => {
    const { user, dialog } = renderDialog();

    await user.click(within(dialog).getByRole('button', { name: 'End all sign-ins…' }));
    await user.click(within(dialog).getByRole('button', { name: 'Keep them signed in' }));

    expect(within(dialog).getByRole('button', { name: 'End all sign-ins…' })).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal', async () => {
    fetchMock.mockResolvedValueOnce(problemResponse(404, { detail: 'No user with this id was found.' }));
    const { user, dialog } = renderDialog();

    await user.click(within(dialog).getByRole('button', { name: 'End all sign-ins…' }));
    await user.click(within(dialog).getByRole('button', { name: 'End all sign-ins' }));

    expect(await within(dialog).findByText('No user with this id was found.')).toBeInTheDocument();
    expect(within(dialog).queryByText(/sign-ins were ended/)).not.toBeInTheDocument();
  });

  it('is not offered for the admin’s own account', () => {
    const { dialog } = renderDialog(tess.id);

    expect(within(dialog).queryByRole('button', { name: 'End all sign-ins…' })).not.toBeInTheDocument();
  });
});
