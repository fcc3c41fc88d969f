import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../lib/api-error';
import { Button } from './button';
import { ConfirmDialog } from './confirm-dialog';

/** What a people section needs to remove someone: the mutation (by user id) and the words of its confirmation. */
export interface PersonRemoval<P> {
  /** Removes the person by user id (a TanStack mutation). */
  mutate: (userId: string, options: { onSuccess: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: unknown;
  /** The dialog's title for a person, and the one it shows while closing. */
  title: (person: P) => string;
  fallbackTitle: string;
  description: string;
  confirmLabel: string;
  /** The notice after a removal. */
  done: (person: P) => string;
}

/**
 * A panel listing people linked to a record (a child's guardians, its care team): a heading that names the region,
 * one row per person with their details and badges, and for managers an add button with its dialog and a "Remove"
 * button per person that asks first.
 */
export function PeopleSection<P extends { userId: string; name: string }>({
  id,
  title,
  people,
  empty,
  canManage,
  addLabel,
  addDialog,
  details,
  badges,
  removal,
  onNotice,
}: {
  /** The heading's id (the region is labelled by it). */
  id: string;
  title: string;
  people: readonly P[];
  /** What the section says when nobody is linked. */
  empty: string;
  canManage: boolean;
  addLabel: string;
  /** The add dialog, rendered for managers; it calls `close` when done or cancelled. */
  addDialog: (props: { open: boolean; close: () => void }) => ReactNode;
  details: (person: P) => ReactNode;
  badges: (person: P) => ReactNode;
  removal: PersonRemoval<P>;
  onNotice: (message: string) => void;
}) {
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<P | null>(null);
  const closeRemove = () => {
    removal.reset();
    setRemoving(null);
  };

  return (
    <section className="panel" aria-labelledby={id}>
      <div className="section-header">
        <h2 id={id} className="section-title">
          {title}
        </h2>
        {canManage && (
          <Button variant="secondary" size="sm" onClick={() => setAdding(true)}>
            {addLabel}
          </Button>
        )}
      </div>
      {people.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="people-list">
          {people.map((person) => (
            <li key={person.userId} className="person">
              <div className="person-text">
                <span className="person-name">{person.name}</span>
                {details(person)}
              </div>
              <div className="person-actions">
                {badges(person)}
                {canManage && (
                  <Button variant="ghost" size="sm" onClick={() => setRemoving(person)}>
                    Remove <span className="visually-hidden">{person.name}</span>
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <>
          {addDialog({ open: adding, close: () => setAdding(false) })}
          <ConfirmDialog
            open={removing !== null}
            title={removing ? removal.title(removing) : removal.fallbackTitle}
            description={removal.description}
            confirmLabel={removal.confirmLabel}
            pending={removal.isPending}
            error={removal.error ? errorMessage(removal.error) : undefined}
            onClose={closeRemove}
            onConfirm={() =>
              removing &&
              removal.mutate(removing.userId, {
                onSuccess: () => {
                  closeRemove();
                  onNotice(removal.done(removing));
                },
              })
            }
          />
        </>
      )}
    </section>
  );
}
