import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { Button } from '../../../components/ui/button';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { TextField } from '../../../components/ui/text-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import type { Child } from '../api/child-types';
import {
  CHILD_HOME_FIELDS,
  CHILD_IDENTITY_FIELDS,
  CHILD_MEDICAL_FIELDS,
  EMPTY_CHILD_FORM,
  childFormField,
  childFormSchema,
  toCreateChildRequest,
  type ChildForm,
} from '../api/child-schema';
import { useCreateChild } from '../api/create-child';
import { ChildHomeFields, ChildIdentityFields, ChildMedicalFields, EmergencyContactsFields } from './child-fields';

/**
 * Registers a new child (status intake). A parent becomes the child's guardian and says how they are related;
 * an admin links guardians afterwards on the child's page.
 */
export function IntakeForm({ asParent, onCreated }: { asParent: boolean; onCreated: (child: Child) => void }) {
  const create = useCreateChild();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors },
  } = useForm<ChildForm>({
    resolver: zodResolver(childFormSchema),
    defaultValues: { ...EMPTY_CHILD_FORM, guardianRelationship: asParent ? 'parent' : '' },
  });

  const fields = childFormField([
    ...CHILD_IDENTITY_FIELDS,
    ...CHILD_HOME_FIELDS,
    ...CHILD_MEDICAL_FIELDS,
    ...(asParent ? (['guardianRelationship'] as const) : []),
  ]);

  const onSubmit = handleSubmit((values) => {
    create.mutate(toCreateChildRequest(values, asParent), {
      onSuccess: (created) => onCreated(created),
      onError: (error) => applyServerFieldErrors(error, fields, setError),
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form form-wide" aria-label="Child intake">
      <FormErrorAlert error={create.error} fields={fields} />
      <ChildIdentityFields register={register} errors={errors} />
      {asParent && (
        <TextField
          label="Your relationship to the child"
          autoComplete="off"
          hint="For example mother, father, grandparent or legal guardian."
          error={errors.guardianRelationship?.message}
          {...register('guardianRelationship')}
        />
      )}
      <ChildHomeFields register={register} errors={errors} />
      <ChildMedicalFields register={register} errors={errors} />
      <EmergencyContactsFields register={register} errors={errors} control={control} />
      <div className="form-actions">
        <Link to="/children" className="btn btn-secondary">
          Cancel
        </Link>
        <Button type="submit" pending={create.isPending}>
          {asParent ? 'Add child' : 'Create child'}
        </Button>
      </div>
    </form>
  );
}
