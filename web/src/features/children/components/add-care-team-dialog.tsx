import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useAddCareTeamMember } from '../api/add-care-team-member';
import { CARE_TEAM_ROLES, CARE_TEAM_ROLE_LABELS, type Child } from '../api/child-types';
import { UserPicker } from './user-picker';

const addCareTeamSchema = z.object({
  userId: z.string().min(1, 'Choose a therapist'),
  // the select starts on "Choose…" (an empty string), which is no role
  role: z.string().pipe(z.enum(CARE_TEAM_ROLES, { message: 'Choose a role' })),
});

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
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<z.input<typeof addCareTeamSchema>, unknown, z.output<typeof addCareTeamSchema>>({
    resolver: zodResolver(addCareTeamSchema),
    defaultValues: { userId: '', role: '' },
  });

  const submit = handleSubmit((values) =>
    add.mutate(values, {
      onSuccess: (saved) => {
        const name = saved.careTeam.find((member) => member.userId === values.userId)?.name ?? 'The therapist';
        onAdded(`${name} was added as ${CARE_TEAM_ROLE_LABELS[values.role].toLowerCase()}.`);
      },
      onError: (error) => applyServerFieldErrors(error, FIELDS, setError),
    }),
  );

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Add therapist">
      <FormErrorAlert error={add.error} fields={FIELDS} />
      <Controller
        control={control}
        name="userId"
        render={({ field }) => (
          <UserPicker
            role="therapist"
            label="Therapist"
            value={field.value}
            onChange={field.onChange}
            excludeIds={child.careTeam.map((member) => member.userId)}
            error={errors.userId?.message}
          />
        )}
      />
      <SelectField
        label="Care team role"
        placeholder="Choose…"
        required
        options={ROLE_OPTIONS}
        error={errors.role?.message}
        {...register('role')}
      />
      <DialogActions onCancel={onClose} pending={add.isPending} submitLabel="Add to care team" />
    </form>
  );
}
