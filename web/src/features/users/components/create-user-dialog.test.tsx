import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aTherapist } from '../../../test/fixtures';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { CreateUserDialog } from './create-user-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function renderDialog() {
  const onCreated = vi.fn();
  const onInvited = vi.fn();
  const rendered = renderWithProviders(
    <CreateUserDialog open onClose={vi.fn()} onCreated={onCreated} onInvited={onInvited} />,
  );
  return { ...rendered, onCreated, onInvited, dialog: screen.getByRole('dialog', { name: 'New user' }) };
}

async function fillIn(user: ReturnType<typeof renderDialog>['user'], dialog: HTMLElement, email = 'rob@example.test') {
  await user.click(within(dialog).getByLabelText('Set an initial password now'));
  await user.type(within(dialog).getByLabelText('Name'), 'Rob Technician');
  await user.type(within(dialog).getByLabelText('Email'), email);
  await user.type(within(dialog).getByLabelText('Initial password'), 'a long enough password');
}

describe('CreateUserDialog', () => {
  it('invites by e-mail by default, without a password', async () => {
    const invitation = {
      id: 'i-1',
      name: 'Rob Technician',
      email: 'rob@example.test',
      role: 'therapist',
      credential: 'RBT',
      invitedByName: 'Dana Admin',
      createdAt: '2026-12-04T10:00:00Z',
      sentAt: '2026-12-04T10:00:00Z',
      expiresAt: '2026-12-11T10:00:00Z',
      status: 'pending',
    };
    fetchMock.mockResolvedValueOnce(jsonResponse(invitation, { status: 201 }));
    const { user, dialog, onInvited, onCreated } = renderDialog();

    expect(within(dialog).getByLabelText('Send an invitation by e-mail')).toBeChecked();
    expect(within(dialog).queryByLabelText('Initial password')).not.toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Name'), 'Rob Technician');
    await user.type(within(dialog).getByLabelText('Email'), 'rob@example.test');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'therapist');
    await user.selectOptions(within(dialog).getByLabelText('Credential'), 'RBT');
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

    await vi.waitFor(() => expect(onInvited).toHaveBeenCalledWith(invitation), { timeout: 5000 });
    expect(onCreated).not.toHaveBeenCalled();
    expect(String(fetchMock.mock.calls[0][0])).toContain('/api/invitations');
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({
      name: 'Rob Technician',
      email: 'rob@example.test',
      role: 'therapist',
      credential: 'RBT',
    });
  });

  it('shows an address that has an account next to the email field when inviting', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(409, {
        type: 'https://sparktherapy.org/problems/email-taken',
        title: 'Email already in use',
        detail: 'An account with this email already exists.',
        errors: [{ pointer: '/email', detail: 'An account with this email already exists.' }],
      }),
    );
    const { user, dialog } = renderDialog();

    await user.type(within(dialog).getByLabelText('Name'), 'Pat Parent');
    await user.type(within(dialog).getByLabelText('Email'), 'taken@example.test');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'parent');
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

    expect(await within(dialog).findByText('An account with this email already exists.')).toBeInTheDocument();
  });

  it('asks for a credential only when the role is therapist', async () => {
    const { user, dialog } = renderDialog();

    await user.selectOptions(within(dialog).getByLabelText('Role'), 'therapist');
    expect(within(dialog).getByLabelText('Credential')).toBeInTheDocument();

    await user.selectOptions(within(dialog).getByLabelText('Role'), 'parent');
    expect(within(dialog).queryByLabelText('Credential')).not.toBeInTheDocument();
  });

  it('creates a therapist with their credential', async () => {
    const created = aTherapist({ name: 'Rob Technician' });
    fetchMock.mockResolvedValueOnce(jsonResponse(created, { status: 201 }));
    const { user, dialog, onCreated } = renderDialog();

    await fillIn(user, dialog);
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'therapist');
    await user.selectOptions(within(dialog).getByLabelText('Credential'), 'RBT');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));

    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith(created), { timeout: 5000 });
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({
      name: 'Rob Technician',
      email: 'rob@example.test',
      password: 'a long enough password',
      role: 'therapist',
      credential: 'RBT',
    });
  });

  it('shows a taken email next to the email field', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(409, {
        type: 'https://sparktherapy.org/problems/email-taken',
        title: 'Email already in use',
        detail: 'This email is already in use',
        errors: [{ pointer: '/email', detail: 'This email is already in use' }],
      }),
    );
    const { user, dialog } = renderDialog();

    await fillIn(user, dialog, 'taken@example.test');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'parent');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));

    expect(await within(dialog).findByText('This email is already in use')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Email')).toHaveAccessibleDescription('This email is already in use');
  });
});
