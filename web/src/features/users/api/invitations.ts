import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Credential, Role } from '../../../lib/api-types';

/** An open invitation as admins see it (hand-written until the generated types include it: ADR 0026). */
export interface InvitationSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  credential: Credential | null;
  invitedByName: string;
  createdAt: string;
  sentAt: string;
  expiresAt: string;
  status: 'pending' | 'expired';
}

export interface InviteRequest {
  name: string;
  email: string;
  role: Role;
  credential: Credential | null;
}

export const invitationsQueryKey = ['invitations'] as const;

/** `GET /api/invitations` (admins): the open invitations, newest first. */
export async function listInvitations(signal?: AbortSignal): Promise<InvitationSummary[]> {
  return apiFetch<InvitationSummary[]>('/api/invitations', { signal });
}

export function useInvitations() {
  return useQuery({ queryKey: invitationsQueryKey, queryFn: ({ signal }) => listInvitations(signal) });
}

function useInvitationMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}

/** `POST /api/invitations`: mails a single-use link; 409 when the address has an account. */
export function useInvite() {
  return useInvitationMutation((request: InviteRequest) =>
    apiFetch<InvitationSummary>('/api/invitations', { method: 'POST', body: request }),
  );
}

/** `POST /api/invitations/{id}/resend`: a new link and expiry; the old link stops working. */
export function useResendInvitation() {
  return useInvitationMutation((invitation: InvitationSummary) =>
    apiFetch<InvitationSummary>(`/api/invitations/${invitation.id}/resend`, { method: 'POST' }),
  );
}

/** `DELETE /api/invitations/{id}`: the link stops working. */
export function useRevokeInvitation() {
  return useInvitationMutation(async (invitation: InvitationSummary) => {
    await apiFetch<void>(`/api/invitations/${invitation.id}`, { method: 'DELETE' });
    return invitation;
  });
}
