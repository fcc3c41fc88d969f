import { useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { errorMessage } from '../../../lib/api-error';
import { CARE_TEAM_ROLE_LABELS, type CareTeamMember, type Child } from '../api/child-types';
import { useRemoveCareTeamMember } from '../api/remove-care-team-member';
import { AddCareTeamDialog } from './add-care-team-dialog';

/** Supervisors (BCBAs) and technicians (RBTs) working with the child; admins add and remove them. */
export function CareTeamSection({
  child,
  canManage,
  onNotice,
}: {
  child: Child;
  canManage: boolean;
  onNotice: (message: string) => void;
}) {
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<CareTeamMember | null>(null);
  const remove = useRemoveCareTeamMember(child.id);
  const closeRemove = () => {
    remove.reset();
    setRemoving(null);
  };
  const members = [...child.careTeam].sort((a, b) => (a.role === b.role ? 0 : a.role === 'supervisor' ? -1 : 1));

  return (
    <section className="panel" aria-labelledby="care-team-heading">
      <div className="section-header">
        <h2 id="care-team-heading" className="section-title">
          Care team
        </h2>
        {canManage && (
          <Button variant="secondary" size="sm" onClick={() => setAdding(true)}>
            Add therapist
          </Button>
        )}
      </div>
      {members.length === 0 ? (
        <p className="muted">No therapist is on the care team yet.</p>
      ) : (
        <ul className="people-list">
          {members.map((member) => (
            <li key={member.userId} className="person">
              <div className="person-text">
                <span className="person-name">{member.name}</span>
                {member.credential && <span className="person-meta">{member.credential}</span>}
              </div>
              <div className="person-actions">
                <Badge tone={member.role === 'supervisor' ? 'info' : 'neutral'}>
                  {CARE_TEAM_ROLE_LABELS[member.role]}
                </Badge>
                {canManage && (
                  <Button variant="ghost" size="sm" onClick={() => setRemoving(member)}>
                    Remove <span className="visually-hidden">{member.name}</span>
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <>
          <AddCareTeamDialog
            child={child}
            open={adding}
            onClose={() => setAdding(false)}
            onAdded={(message) => {
              setAdding(false);
              onNotice(message);
            }}
          />
          <ConfirmDialog
            open={removing !== null}
            title={removing ? `Remove ${removing.name} from the care team?` : 'Remove from the care team?'}
            description="They will no longer see this child or run sessions. You can add them again later."
            confirmLabel="Remove from care team"
            pending={remove.isPending}
            error={remove.isError ? errorMessage(remove.error) : undefined}
            onClose={closeRemove}
            onConfirm={() =>
              removing &&
              remove.mutate(removing.userId, {
                onSuccess: () => {
                  closeRemove();
                  onNotice(`${removing.name} was removed from the care team.`);
                },
              })
            }
          />
        </>
      )}
    </section>
  );
}
