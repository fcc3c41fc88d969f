import { useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { errorMessage } from '../../../lib/api-error';
import type { Child, Guardian } from '../api/child-types';
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
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Guardian | null>(null);
  const remove = useRemoveGuardian(child.id);
  const closeRemove = () => {
    remove.reset();
    setRemoving(null);
  };

  return (
    <section className="panel" aria-labelledby="guardians-heading">
      <div className="section-header">
        <h2 id="guardians-heading" className="section-title">
          Guardians
        </h2>
        {canManage && (
          <Button variant="secondary" size="sm" onClick={() => setAdding(true)}>
            Add guardian
          </Button>
        )}
      </div>
      {child.guardians.length === 0 ? (
        <p className="muted">No guardian is linked yet.</p>
      ) : (
        <ul className="people-list">
          {child.guardians.map((guardian) => (
            <li key={guardian.userId} className="person">
              <div className="person-text">
                <span className="person-name">{guardian.name}</span>
                <span className="person-meta">
                  {guardian.relationship} · {guardian.email}
                </span>
              </div>
              <div className="person-actions">
                {guardian.canSign && <Badge tone="info">Can sign</Badge>}
                {canManage && (
                  <Button variant="ghost" size="sm" onClick={() => setRemoving(guardian)}>
                    Remove <span className="visually-hidden">{guardian.name}</span>
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <>
          <AddGuardianDialog
            child={child}
            open={adding}
            onClose={() => setAdding(false)}
            onAdded={(name) => {
              setAdding(false);
              onNotice(`${name} was added as a guardian.`);
            }}
          />
          <ConfirmDialog
            open={removing !== null}
            title={removing ? `Remove ${removing.name} as guardian?` : 'Remove guardian?'}
            description="They will no longer see this child. You can add them again later."
            confirmLabel="Remove guardian"
            pending={remove.isPending}
            error={remove.isError ? errorMessage(remove.error) : undefined}
            onClose={closeRemove}
            onConfirm={() =>
              removing &&
              remove.mutate(removing.userId, {
                onSuccess: () => {
                  closeRemove();
                  onNotice(`${removing.name} is no longer a guardian.`);
                },
              })
            }
          />
        </>
      )}
    </section>
  );
}
