import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import type { User } from '../../../lib/api-types';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { PASSWORD_HINT } from '../../../lib/password-rule';
import { useCreateUser } from '../api/create-user';
import { useInvite, type InvitationSummary } from '../api/invitations';
import { createUserSchema, inviteUserSchema, type CreateUserForm, type InviteUserForm } from '../api/user-schema';
import { UserFields } from './user-fields';

const EMPTY: CreateUserForm = { name: '', email: '', role: 'therapist', credential: '', password: '' };

/** The fields the server may point at ("/email": already in use). */
const CREATE_USER_FIELDS = ['name', 'email', 'role', 'credential', 'password'] as const;

const INVITE_FIELDS = ['name', 'email', 'role', 'credential'] as const;

type Mode = 'invite' | 'password';

/**
 * Adds a user: by default an invitation by e-mail (the person chooses their own password, ADR 0039); or, for someone
 * sitting next to the admin, an account with an initial password at once.
 */
export function CreateUserDialog({
  open,
  onClose,
  onCreated,
  onInvited,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
  onInvited: (invitation: InvitationSummary) => void;
}) {
  const [mode, setMode] = useState<Mode>('invite');
  const id = useId();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New user"
      description={
        mode === 'invite'
          ? 'We e-mail the person a link to choose their own password. It works for 7 days.'
          : 'The person signs in with this email and initial password.'
      }
    >
      {open && (
        <>
          <fieldset className="fieldset">
            <legend className="fieldset-legend">How the person gets in</legend>
            <div className="field field-checkbox">
              <input
                id={`${id}-invite`}
                type="radio"
                className="checkbox"
                name={`${id}-mode`}
                checked={mode === 'invite'}
                onChange={() => setMode('invite')}
              />
              <label htmlFor={`${id}-invite`}>Send an invitation by e-mail</label>
            </div>
            <div className="field field-checkbox">
              <input
                id={`${id}-password`}
                type="radio"
                className="checkbox"
                name={`${id}-mode`}
                checked={mode === 'password'}
                onChange={() => setMode('password')}
              />
              <label htmlFor={`${id}-password`}>Set an initial password now</label>
            </div>
          </fieldset>
          {mode === 'invite' ? (
            <InviteForm onClose={onClose} onInvited={onInvited} />
          ) : (
            <CreateUserForm onClose={onClose} onCreated={onCreated} />
          )}
        </>
      )}
    </Dialog>
  );
}

const INVITE_EMPTY: InviteUserForm = { name: '', email: '', role: 'therapist', credential: '' };

function InviteForm({
  onClose,
  onInvited,
}: {
  onClose: () => void;
  onInvited: (invitation: InvitationSummary) => void;
}) {
  const invite = useInvite();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors },
  } = useForm<InviteUserForm>({ resolver: zodResolver(inviteUserSchema), defaultValues: INVITE_EMPTY });
  const role = useWatch({ control, name: 'role' });

  const onSubmit = handleSubmit((values) => {
    invite.mutate(
      {
        name: values.name,
        email: values.email,
        role: values.role,
        credential: values.role === 'therapist' && values.credential ? values.credential : null,
      },
      {
        onSuccess: (invitation) => onInvited(invitation),
        onError: (error) => applyServerFieldErrors(error, INVITE_FIELDS, setError),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Invite a user">
      <FormErrorAlert error={invite.error} fields={INVITE_FIELDS} />
      <UserFields register={register} errors={errors} role={role} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={invite.isPending}>
          Send invitation
        </Button>
      </div>
    </form>
  );
}

function CreateUserForm({ onClose, onCreated }: { onClose: () => void; onCreated: (user: User) => void }) {
  const create = useCreateUser();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors },
  } = useForm<CreateUserForm>({ resolver: zodResolver(createUserSchema), defaultValues: EMPTY });
  const role = useWatch({ control, name: 'role' });

  const onSubmit = handleSubmit((values) => {
    create.mutate(
      {
        name: values.name,
        email: values.email,
        password: values.password,
        role: values.role,
        credential: values.role === 'therapist' && values.credential ? values.credential : null,
      },
      {
        onSuccess: (user) => onCreated(user),
        onError: (error) => applyServerFieldErrors(error, CREATE_USER_FIELDS, setError),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="New user">
      <FormErrorAlert error={create.error} fields={CREATE_USER_FIELDS} />
      <UserFields register={register} errors={errors} role={role} />
      <TextField
        label="Initial password"
        type="password"
        autoComplete="new-password"
        required
        hint={PASSWORD_HINT}
        error={errors.password?.message}
        {...register('password')}
      />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          Create user
        </Button>
      </div>
    </form>
  );
}
