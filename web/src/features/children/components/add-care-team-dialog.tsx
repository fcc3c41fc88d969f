import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { serverFormErrors } from '../../../lib/form-errors';
import { useAddCareTeamMember } from '../api/add-care-team-member';
import { CARE_TEAM_ROLES, CARE_TEAM_ROLE_LABELS, type CareTeamRole, type Child } from '../api/child-types';
import { UserPicker } from './user-picker';

/** The fields the server may point at ("/role": an RBT cannot supervise). */
const FIELDS = ['userId', 'role'] as const;

const ROLE_OPTIONS = CARE_TEAM_ROLES.map((role) => ({
  value: role,
  label: role === 'supervisor' ? 'Supervisor (designs treatment)' : 'Technician (runs sessions)',
}));

export function AddCareTeamDialog({
  child,
  open,
  onClose,
  onAdded,
}: {
  child: Child;
  open: boolean;
  onClose: () => void;
  onAdded: (message: string) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Add therapist"
      description="Add a therapist to this child’s care team."
    >
      {open && <AddCareTeamForm child={child} onClose={onClose} onAdded={onAdded} />}
    </Dialog>
  );
}

function AddCareTeamForm({
  child,
  onClose,
  onAdded,
}: {
  child: Child;
  onClose: () => void;
  onAdded: (message: string) => void;
}) {
  const add = useAddCareTeamMember(child.id);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<CareTeamRole | ''>('');
  const [errors, setErrors] = useState<{ userId?: string; role?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = { userId: userId ? undefined : 'Choose a therapist', role: role ? undefined : 'Choose a role' };
    setErrors(found);
    if (found.userId || !role) return;
    add.mutate(
      { userId, role },
      {
        onSuccess: (saved) => {
          const name = saved.careTeam.find((member) => member.userId === userId)?.name ?? 'The therapist';
          onAdded(`${name} was added as ${CARE_TEAM_ROLE_LABELS[role].toLowerCase()}.`);
        },
        onError: (error) => setErrors(serverFormErrors(error, FIELDS).fields),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Add therapist">
      <FormErrorAlert error={add.error} fields={FIELDS} />
      <UserPicker
        role="therapist"
        label="Therapist"
        value={userId}
        onChange={setUserId}
        excludeIds={child.careTeam.map((member) => member.userId)}
        error={errors.userId}
      />
      <SelectField
        label="Care team role"
        placeholder="Choose…"
        required
        options={ROLE_OPTIONS}
        value={role}
        error={errors.role}
        onChange={(event) => setRole(event.target.value as CareTeamRole | '')}
      />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={add.isPending}>
          Add to care team
        </Button>
      </div>
    </form>
  );
}
