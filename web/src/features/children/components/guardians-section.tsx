import { Badge } from '../../../components/ui/badge';
import { PeopleSection } from '../../../components/ui/people-section';
import type { Child } from '../api/child-types';
import { useRemoveGuardian } from '../api/remove-guardian';
import { AddGuardianDialog } from './add-guardian-dialog';

/** The parents linked to the child; admins add and remove them. */
export function GuardiansSection({
  child,
  canManage,
  onNotice,
}: {
  child: Child;
  canManage: boolean;
  onNotice: (message: string) => void;
}) {
  const remove = useRemoveGuardian(child.id);
  return (
    <PeopleSection
      id="guardians-heading"
      title="Guardians"
      people={child.guardians}
      empty="No guardian is linked yet."
      canManage={canManage}
      addLabel="Add guardian"
      addDialog={({ open, close }) => (
        <AddGuardianDialog
          child={child}
          open={open}
          onClose={close}
          onAdded={(name) => {
            close();
            onNotice(`${name} was added as a guardian.`);
          }}
        />
      )}
      details={(guardian) => (
        <span className="person-meta">
          {guardian.relationship} · {guardian.email}
        </span>
      )}
      badges={(guardian) => guardian.canSign && <Badge tone="info">Can sign</Badge>}
      removal={{
        mutate: remove.mutate,
        reset: remove.reset,
        isPending: remove.isPending,
        error: remove.error,
        title: (guardian) => `Remove ${guardian.name} as guardian?`,
        fallbackTitle: 'Remove guardian?',
        description: 'They will no longer see this child. You can add them again later.',
        confirmLabel: 'Remove guardian',
        done: (guardian) => `${guardian.name} is no longer a guardian.`,
      }}
      onNotice={onNotice}
    />
  );
}
