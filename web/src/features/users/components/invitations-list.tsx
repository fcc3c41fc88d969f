import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Table } from '../../../components/ui/table';
import { errorMessage } from '../../../lib/api-error';
import { ROLE_LABELS } from '../../../lib/api-types';
import { useInvitations, useResendInvitation, useRevokeInvitation, type InvitationSummary } from '../api/invitations';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * The open invitations (pending or expired) with resend and revoke; revoking asks first, naming the address whose link
 * stops working. Nothing shows while there are none.
 */
export function InvitationsList({ onNotice }: { onNotice: (notice: string) => void }) {
  const invitations = useInvitations();
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  const [busy, setBusy] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<InvitationSummary | null>(null);

  if (invitations.isPending) return null;
  if (invitations.isError) return <Alert>{errorMessage(invitations.error)}</Alert>;
  if (invitations.data.length === 0) return null;

  function resendTo(invitation: InvitationSummary) {
    setBusy(invitation.id);
    resend.mutate(invitation, {
      onSuccess: () => onNotice(`A new invitation was sent to ${invitation.email}.`),
      onSettled: () => setBusy(null),
    });
  }

  function closeRevoke() {
    setRevoking(null);
    revoke.reset();
  }

  function confirmRevoke() {
    if (!revoking) return;
    const invitation = revoking;
    revoke.mutate(invitation, {
      onSuccess: () => {
        closeRevoke();
        onNotice(`The invitation to ${invitation.email} was revoked.`);
      },
    });
  }

  return (
    <section className="invitations" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations</h2>
      {resend.error && <Alert>{errorMessage(resend.error)}</Alert>}
      <Table caption="Open invitations" captionHidden>
        <thead>
          <tr>
            <th scope="col">Name and email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="table-stack">
          {invitations.data.map((invitation) => (
            <tr key={invitation.id}>
              <th scope="row" className="cell-person">
                <span className="cell-name">{invitation.name}</span>
                <span className="cell-email">{invitation.email}</span>
              </th>
              <td data-label="Role">
                {ROLE_LABELS[invitation.role]}
                {invitation.credential && <span className="cell-sub"> · {invitation.credential}</span>}
              </td>
              <td data-label="Status">
                {invitation.status === 'pending' ? (
                  <Badge tone="info">Pending until {DATE.format(new Date(invitation.expiresAt))}</Badge>
                ) : (
                  <Badge tone="warning">Expired {DATE.format(new Date(invitation.expiresAt))}</Badge>
                )}
                <span className="cell-sub"> · sent by {invitation.invitedByName}</span>
              </td>
              <td className="cell-actions">
                <Button
                  variant="secondary"
                  size="sm"
                  pending={busy === invitation.id && resend.isPending}
                  onClick={() => resendTo(invitation)}
                  aria-label={`Resend the invitation to ${invitation.name}`}
                >
                  Resend
                </Button>
                <Button
                  variant="danger"
                  size="sm"
                  onClick={() => setRevoking(invitation)}
                  aria-label={`Revoke the invitation to ${invitation.name}`}
                >
                  Revoke
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <ConfirmDialog
        open={revoking !== null}
        title={revoking ? `Revoke the invitation to ${revoking.email}?` : 'Revoke the invitation?'}
        description="The link in the invitation stops working at once. You can invite the same address again later."
        confirmLabel="Revoke invitation"
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : undefined}
        onClose={closeRevoke}
        onConfirm={confirmRevoke}
      />
    </section>
  );
}
