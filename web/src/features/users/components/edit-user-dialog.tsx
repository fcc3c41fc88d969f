import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { ReloadedAlert } from '../../../components/ui/reloaded-alert';
import type { User } from '../../../lib/api-types';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { isPreconditionFailed, usePreconditionReload } from '../../../lib/use-precondition-reload';
import { getUser } from '../api/get-user';
import { useUpdateUser } from '../api/update-user';
import { editUserSchema, type EditUserForm } from '../api/user-schema';
import { EndSignInsSection } from './end-sign-ins-section';
import { ResetSecondFactor } from './reset-second-factor';
import { UserFields } from './user-fields';

function toFormValues(user: User): EditUserForm {
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    credential: user.credential ?? '',
    active: user.active,
  };
}

/** The fields the server may point at ("/email": already in use); "last admin" has none and is alerted. */
const EDIT_USER_FIELDS = ['name', 'email', 'role', 'credential'] as const;

export function EditUserDialog({
  user,
  currentUserId,
  onClose,
  onSaved,
}: {
  user: User | null;
  /** The signed-in admin: their own sign-ins are ended from their profile, not here. */
  currentUserId?: string;
  onClose: () => void;
  onSaved: (user: User) => void;
}) {
  return (
    <Dialog open={user !== null} onClose={onClose} title={user ? `Edit ${user.name}` : 'Edit user'}>
      {user && <EditUserForm key={user.id} user={user} onClose={onClose} onSaved={onSaved} />}
      {user && user.id !== currentUserId && <EndSignInsSection key={`sign-ins-${user.id}`} user={user} />}
      {user && <ResetSecondFactor key={`second-factor-${user.id}`} user={user} />}
    </Dialog>
  );
}

function EditUserForm({
  user: initial,
  onClose,
  onSaved,
}: {
  user: User;
  onClose: () => void;
  onSaved: (user: User) => void;
}) {
  const update = useUpdateUser();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors },
  } = useForm<EditUserForm>({ resolver: zodResolver(editUserSchema), defaultValues: toFormValues(initial) });
  const role = useWatch({ control, name: 'role' });
  // Someone saved this user meanwhile: show their version and let the admin decide again.
  const {
    current: user,
    reloaded,
    startSave,
    handleSaveError,
  } = usePreconditionReload({
    record: initial,
    load: (id) => getUser(id),
    onReloaded: (latest) => reset(toFormValues(latest)),
  });

  const onSubmit = handleSubmit((values) => {
    startSave();
    update.mutate(
      {
        user,
        changes: {
          ...values,
          credential: values.role === 'therapist' && values.credential ? values.credential : null,
        },
      },
      {
        onSuccess: (saved) => onSaved(saved),
        onError: async (error) => {
          if (await handleSaveError(error)) return;
          applyServerFieldErrors(error, EDIT_USER_FIELDS, setError);
        },
      },
    );
  });

  const stale = isPreconditionFailed(update.error);

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={`Edit ${initial.name}`}>
      {reloaded && <ReloadedAlert record="user" />}
      {!stale && <FormErrorAlert error={update.error} fields={EDIT_USER_FIELDS} />}
      <UserFields register={register} errors={errors} role={role} />
      <CheckboxField label="Active" hint="Inactive users cannot sign in." {...register('active')} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={update.isPending}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
