import { Badge } from '../../../components/ui/badge';
import { PeopleSection } from '../../../components/ui/people-section';
import { CARE_TEAM_ROLE_LABELS, type Child } from '../api/child-types';
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
  const remove = useRemoveCareTeamMember(child.id);
  const members = [...child.careTeam].sort((a, b) => (a.role === b.role ? 0 : a.role === 'supervisor' ? -1 : 1));
  return (
    <PeopleSection
      id="care-team-heading"
      title="Care team"
      people={members}
      empty="No therapist is on the care team yet."
      canManage={canManage}
      addLabel="Add therapist"
      addDialog={({ open, close }) => (
        <AddCareTeamDialog
          child={child}
          open={open}
          onClose={close}
          onAdded={(message) => {
            close();
            onNotice(message);
          }}
        />
      )}
      details={(member) => member.credential && <span className="person-meta">{member.credential}</span>}
      badges={(member) => (
        <Badge tone={member.role === 'supervisor' ? 'info' : 'neutral'}>{CARE_TEAM_ROLE_LABELS[member.role]}</Badge>
      )}
      removal={{
        mutate: remove.mutate,
        reset: remove.reset,
        isPending: remove.isPending,
        error: remove.error,
        title: (member) => `Remove ${member.name} from the care team?`,
        fallbackTitle: 'Remove from the care team?',
        description: 'They will no longer see this child or run sessions. You can add them again later.',
        confirmLabel: 'Remove from care team',
        done: (member) => `${member.name} was removed from the care team.`,
      }}
      onNotice={onNotice}
    />
  );
}
