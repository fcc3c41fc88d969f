import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aTherapist } from '../../../test/fixtures';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { EditUserDialog } from './edit-user-dialog';

const fetchMock = vi.fn<typeof fetch>();
const tess = aTherapist({ name: 'Tess Therapist' });

/** What the dialog asked about sign-ins: its second-factor section (ADR 0038) reads that state on its own. */
function signInCalls() {
  return fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/sessions'));
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

/** The sessions endpoint answers `answer`; the second-factor section's read answers "none". */
function answerSessions(answer?: Response) {
  fetchMock.mockImplementation(async (url) => {
    if (String(url).endsWith('/second-factor'))
      return jsonResponse({ enabled: false, enabledAt: null, recoveryCodesLeft: 0, required: false });
    if (answer) return answer;
    throw new Error(`unexpected request ${String(url)}`);
  });
}

function renderDialog(currentUserId = 'someone-else') {
  const rendered = renderWithProviders(
    <EditUserDialog user={tess} currentUserId={currentUserId} onClose={vi.fn()} onSaved={vi.fn()} />,
  );
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Edit Tess Therapist' }) };
}

describe('ending all sign-ins of a user', () => {
  it('asks first, ends them with DELETE /api/users/{id}/sessions and says so', async () => {
    answerSessions(new Response(null, { status: 204 }));
    const { user, dialog } = renderDialog();

    await user.click(within(dialog).getByRole('button', { name: 'End all sign-ins…' }));
    expect(signInCalls()).toHaveLength(0);
    const confirm = within(dialog).getByRole('group', { name: 'Confirm ending all sign-ins' });
    expect(confirm).toHaveTextContent('End every sign-in of Tess Therapist now?');
    await user.click(within(confirm).getByRole('button', { name: 'End all sign-ins' }));

    expect(await within(dialog).findByText('All of Tess Therapist’s sign-ins were ended.')).toBeInTheDocument();
    expect(signInCalls()).toHaveLength(1);
    expect(signInCalls()[0][0]).toBe(`/api/users/${tess.id}/sessions`);
    expect(signInCalls()[0][1]?.method).toBe('DELETE');
  });

  it('sends nothing when the admin keeps them signed in', async () => {
    answerSessions();
    const { user, dialog } = renderDialog();

    await user.click(within(dialog).getByRole('button', { name: 'End all sign-ins…' }));
    await user.click(within(dialog).getByRole('button', { name: 'Keep them signed in' }));

    expect(within(dialog).getByRole('button', { name: 'End all sign-ins…' })).toBeInTheDocument();
    expect(signInCalls()).toHaveLength(0);
  });

  it('shows the server’s refusal', async () => {
    answerSessions(problemResponse(404, { detail: 'No user with this id was found.' }));
    const { user, dialog } = renderDialog();

    await user.click(within(dialog).getByRole('button', { name: 'End all sign-ins…' }));
    await user.click(within(dialog).getByRole('button', { name: 'End all sign-ins' }));

    expect(await within(dialog).findByText('No user with this id was found.')).toBeInTheDocument();
    expect(within(dialog).queryByText(/sign-ins were ended/)).not.toBeInTheDocument();
  });

  it('is not offered for the admin’s own account', () => {
    answerSessions();
    const { dialog } = renderDialog(tess.id);

    expect(within(dialog).queryByRole('button', { name: 'End all sign-ins…' })).not.toBeInTheDocument();
  });
});
