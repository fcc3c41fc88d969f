import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import type { InvitationSummary } from '../api/invitations';
import { InvitationsList } from './invitations-list';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function anInvitation(overrides: Partial<InvitationSummary> = {}): InvitationSummary {
  return {
    id: 'i-1',
    name: 'Noah Bennett',
    email: 'noah@example.test',
    role: 'therapist',
    credential: 'RBT',
    invitedByName: 'Dana Whitfield',
    createdAt: '2026-12-01T10:00:00Z',
    sentAt: '2026-12-01T10:00:00Z',
    expiresAt: '2026-12-08T10:00:00Z',
    status: 'pending',
    ...overrides,
  };
}

describe('InvitationsList', () => {
  it('lists pending and expired invitations', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse([anInvitation(), anInvitation({ id: 'i-2', name: 'Old Invite', status: 'expired' })]),
    );
    renderWithProviders(<InvitationsList onNotice={vi.fn()} />);

    const table = await screen.findByRole('table', { name: 'Open invitations' });
    expect(within(table).getByRole('row', { name: /Noah Bennett/ })).toHaveTextContent('Pending until');
    expect(within(table).getByRole('row', { name: /Noah Bennett/ })).toHaveTextContent('RBT');
    expect(within(table).getByRole('row', { name: /Old Invite/ })).toHaveTextContent('Expired');
  });

  it('shows nothing while there is no open invitation', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse([]));
    const { container } = renderWithProviders(<InvitationsList onNotice={vi.fn()} />);

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(container).toBeEmptyDOMElement();
  });

  it('resends and revokes, and says so', async () => {
    const onNotice = vi.fn();
    fetchMock
      .mockResolvedValueOnce(jsonResponse([anInvitation()]))
      .mockResolvedValueOnce(jsonResponse(anInvitation()))
      .mockResolvedValueOnce(jsonResponse([anInvitation()]))
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(jsonResponse([]));
    const { user } = renderWithProviders(<InvitationsList onNotice={onNotice} />);

    await user.click(await screen.findByRole('button', { name: 'Resend the invitation to Noah Bennett' }));
    await vi.waitFor(() => expect(onNotice).toHaveBeenCalledWith('A new invitation was sent to noah@example.test.'));
    expect(String(fetchMock.mock.calls[1][0])).toContain('/api/invitations/i-1/resend');
    expect(fetchMock.mock.calls[1][1]?.method).toBe('POST');

    await user.click(await screen.findByRole('button', { name: 'Revoke the invitation to Noah Bennett' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Revoke the invitation to noah@example.test?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke invitation' }));
    await vi.waitFor(() => expect(onNotice).toHaveBeenCalledWith('The invitation to noah@example.test was revoked.'));
    const revoke = fetchMock.mock.calls.find((call) => call[1]?.method === 'DELETE');
    expect(String(revoke?.[0])).toContain('/api/invitations/i-1');
  });

  it('asks before revoking, naming the address; Cancel keeps the invitation', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse([anInvitation()]));
    const { user } = renderWithProviders(<InvitationsList onNotice={vi.fn()} />);

    await user.click(await screen.findByRole('button', { name: 'Revoke the invitation to Noah Bennett' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Revoke the invitation to noah@example.test?' });
    expect(confirm).toHaveAccessibleDescription(/stops working at once/);
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(fetchMock.mock.calls.some((call) => call[1]?.method === 'DELETE')).toBe(false);
  });
});
