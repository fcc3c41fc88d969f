import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { TextField } from '../../../components/ui/text-field';
import { serverFormErrors } from '../../../lib/form-errors';
import { useAddGuardian } from '../api/add-guardian';
import type { Child } from '../api/child-types';
import { UserPicker } from './user-picker';

/** The fields the server may point at ("/userId": not an active parent account). */
const FIELDS = ['userId', 'relationship'] as const;

export function AddGuardianDialog({
  child,
  open,
  onClose,
  onAdded,
}: {
  child: Child;
  open: boolean;
  onClose: () => void;
  onAdded: (name: string) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Add guardian" description="Link a parent account to this child.">
      {open && <AddGuardianForm child={child} onClose={onClose} onAdded={onAdded} />}
    </Dialog>
  );
}

function AddGuardianForm({
  child,
  onClose,
  onAdded,
}: {
  child: Child;
  onClose: () => void;
  onAdded: (name: string) => void;
}) {
  const add = useAddGuardian(child.id);
  const [userId, setUserId] = useState('');
  const [relationship, setRelationship] = useState('parent');
  const [canSign, setCanSign] = useState(true);
  const [errors, setErrors] = useState<{ userId?: string; relationship?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      userId: userId ? undefined : 'Choose a parent',
      relationship: relationship.trim() ? undefined : 'Enter how they are related to the child',
    };
    setErrors(found);
    if (found.userId || found.relationship) return;
    add.mutate(
      { userId, relationship: relationship.trim(), canSign },
      {
        onSuccess: (saved) =>
          onAdded(saved.guardians.find((guardian) => guardian.userId === userId)?.name ?? 'The guardian'),
        onError: (error) => setErrors(serverFormErrors(error, FIELDS).fields),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Add guardian">
      <FormErrorAlert error={add.error} fields={FIELDS} />
      <UserPicker
        role="parent"
        label="Parent"
        value={userId}
        onChange={setUserId}
        excludeIds={child.guardians.map((guardian) => guardian.userId)}
        error={errors.userId}
      />
      <TextField
        label="Relationship"
        autoComplete="off"
        required
        hint="For example mother, father or legal guardian."
        value={relationship}
        error={errors.relationship}
        onChange={(event) => setRelationship(event.target.value)}
      />
      <CheckboxField
        label="Can sign"
        hint="May co-sign session notes and consent forms."
        checked={canSign}
        onChange={(event) => setCanSign(event.target.checked)}
      />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={add.isPending}>
          Add guardian
        </Button>
      </div>
    </form>
  );
}
