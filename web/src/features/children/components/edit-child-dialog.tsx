import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { ReloadedAlert } from '../../../components/ui/reloaded-alert';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { isPreconditionFailed, usePreconditionReload } from '../../../lib/use-precondition-reload';
import {
  CHILD_CLINIC_FIELDS,
  CHILD_HOME_FIELDS,
  CHILD_IDENTITY_FIELDS,
  CHILD_MEDICAL_FIELDS,
  childFormField,
  childFormSchema,
  toAdminUpdate,
  toChildFormValues,
  toGuardianUpdate,
  type ChildForm,
} from '../api/child-schema';
import type { Child } from '../api/child-types';
import { getChild } from '../api/get-child';
import { useUpdateChild } from '../api/update-child';
import {
  ChildClinicFields,
  ChildHomeFields,
  ChildIdentityFields,
  ChildMedicalFields,
  EmergencyContactsFields,
} from './child-fields';

/** Admins edit the whole record; guardians only contacts, allergies and medical notes. */
export type ChildEditMode = 'admin' | 'guardian';

export function EditChildDialog({
  child,
  mode,
  open,
  onClose,
  onSaved,
}: {
  child: Child;
  mode: ChildEditMode;
  open: boolean;
  onClose: () => void;
  onSaved: (child: Child) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={mode === 'admin' ? 'Edit child' : 'Edit contacts and health'}
      description={mode === 'guardian' ? 'The clinic keeps the rest of the record up to date.' : undefined}
    >
      {open && <EditChildForm child={child} mode={mode} onClose={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}

function EditChildForm({
  child: initial,
  mode,
  onClose,
  onSaved,
}: {
  child: Child;
  mode: ChildEditMode;
  onClose: () => void;
  onSaved: (child: Child) => void;
}) {
  const update = useUpdateChild();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors },
  } = useForm<ChildForm>({ resolver: zodResolver(childFormSchema), defaultValues: toChildFormValues(initial) });
  // Someone saved the child meanwhile: show their version and let the user decide again.
  const {
    current: child,
    reloaded,
    startSave,
    handleSaveError,
  } = usePreconditionReload({
    record: initial,
    load: (id) => getChild(id),
    onReloaded: (latest) => reset(toChildFormValues(latest)),
  });

  const fields = childFormField(
    mode === 'admin'
      ? [...CHILD_IDENTITY_FIELDS, ...CHILD_HOME_FIELDS, ...CHILD_CLINIC_FIELDS, ...CHILD_MEDICAL_FIELDS]
      : CHILD_MEDICAL_FIELDS,
  );

  const onSubmit = handleSubmit((values) => {
    startSave();
    update.mutate(
      { child, changes: mode === 'admin' ? toAdminUpdate(values) : toGuardianUpdate(values) },
      {
        onSuccess: (saved) => onSaved(saved),
        onError: async (error) => {
          if (await handleSaveError(error)) return;
          applyServerFieldErrors(error, fields, setError);
        },
      },
    );
  });

  const stale = isPreconditionFailed(update.error);

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Edit child">
      {reloaded && <ReloadedAlert record="record" />}
      {!stale && <FormErrorAlert error={update.error} fields={fields} />}
      {mode === 'admin' && <ChildIdentityFields register={register} errors={errors} />}
      {mode === 'admin' && <ChildHomeFields register={register} errors={errors} />}
      {mode === 'admin' && <ChildClinicFields register={register} errors={errors} />}
      <ChildMedicalFields register={register} errors={errors} />
      <EmergencyContactsFields register={register} errors={errors} control={control} />
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
