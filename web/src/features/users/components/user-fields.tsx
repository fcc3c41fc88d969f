import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { CREDENTIALS, ROLE_LABELS, ROLES, type Role } from '../../../lib/api-types';

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const CREDENTIAL_OPTIONS = CREDENTIALS.map((credential) => ({
  value: credential,
  label: credential === 'other' ? 'Other' : credential,
}));

interface UserFieldValues {
  name: string;
  email: string;
  role: Role;
  credential: string;
}

/** Name, email, role and (for therapists) credential: the fields the create and edit forms share. */
export function UserFields<T extends UserFieldValues>({
  register,
  errors,
  role,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  role: Role;
}) {
  // The generic form type narrows to the shared fields here.
  const reg = register as unknown as UseFormRegister<UserFieldValues>;
  const errs = errors as FieldErrors<UserFieldValues>;
  return (
    <>
      <TextField label="Name" autoComplete="off" required error={errs.name?.message} {...reg('name')} />
      <TextField label="Email" type="email" autoComplete="off" required error={errs.email?.message} {...reg('email')} />
      <SelectField label="Role" options={ROLE_OPTIONS} required error={errs.role?.message} {...reg('role')} />
      {role === 'therapist' && (
        <SelectField
          label="Credential"
          options={CREDENTIAL_OPTIONS}
          placeholder="Choose…"
          required
          error={errs.credential?.message}
          {...reg('credential')}
        />
      )}
    </>
  );
}
