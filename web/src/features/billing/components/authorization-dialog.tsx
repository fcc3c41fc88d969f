import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ReloadedAlert } from '../../../components/ui/reloaded-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { ApiError } from '../../../lib/api-error';
import { formatDay } from '../../../lib/dates';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { isPreconditionFailed, usePreconditionReload } from '../../../lib/use-precondition-reload';
import {
  AUTHORIZATION_FIELDS,
  authorizationFormSchema,
  EMPTY_AUTHORIZATION_FORM,
  toAuthorizationForm,
  toAuthorizationRequest,
  type AuthorizationForm,
} from '../api/authorization-schema';
import { SERVICE_OPTIONS, serviceLabel, type Authorization } from '../api/authorization-types';
import { useCreateAuthorization } from '../api/create-authorization';
import { getAuthorization } from '../api/get-authorization';
import { useUpdateAuthorization } from '../api/update-authorization';

export interface AuthorizationDialogProps {
  childId: string;
  open: boolean;
  /** The authorization to edit; a new one when null. */
  authorization: Authorization | null;
  /** The child's other authorizations, to name the one a new or changed authorization would overlap. */
  existing: readonly Authorization[];
  onClose: () => void;
  onSaved: (saved: Authorization, created: boolean) => void;
}

/** Adds an insurance authorization to a child or edits one (admins). */
export function AuthorizationDialog({
  childId,
  open,
  authorization,
  existing,
  onClose,
  onSaved,
}: AuthorizationDialogProps) {
  const title = authorization ? 'Edit authorization' : 'Add authorization';
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description="Units are 15 minutes each: 4 units make an hour."
      size="wide"
    >
      {open && (
        <AuthorizationFormBody
          key={authorization?.id ?? 'new'}
          title={title}
          childId={childId}
          initial={authorization}
          existing={existing}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Dialog>
  );
}

/** The server's 409 for an authorization that covers days of another of the same child and service code. */
function isOverlap(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && error.type.endsWith('/authorization-overlap');
}

/** "It overlaps authorization A-123 (Direct treatment (97153), 1 Jan 2026 – 30 Jun 2026)." */
function overlapMessage(error: ApiError, existing: readonly Authorization[]): string {
  const conflictingId = error.extensions.conflictingId;
  const other = existing.find((candidate) => candidate.id === conflictingId);
  if (!other) return error.detail;
  return `It overlaps authorization ${other.authorizationNumber} (${serviceLabel(other.serviceCode)}, ${formatDay(other.startDate)} – ${formatDay(other.endDate)}).`;
}

function AuthorizationFormBody({
  title,
  childId,
  initial,
  existing,
  onClose,
  onSaved,
}: {
  title: string;
  childId: string;
  initial: Authorization | null;
  existing: readonly Authorization[];
  onClose: () => void;
  onSaved: (saved: Authorization, created: boolean) => void;
}) {
  const create = useCreateAuthorization(childId);
  const update = useUpdateAuthorization();
  const save = initial ? update : create;
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<AuthorizationForm>({
    resolver: zodResolver(authorizationFormSchema),
    defaultValues: initial ? toAuthorizationForm(initial) : EMPTY_AUTHORIZATION_FORM,
  });
  // the version the next save is guarded by: after a 412 (someone saved it meanwhile) it is the latest one, shown
  // for the admin to decide again
  const { current, reloaded, startSave, handleSaveError } = usePreconditionReload({
    record: initial,
    load: (id) => getAuthorization(id),
    onReloaded: (latest) => reset(toAuthorizationForm(latest)),
  });

  const onError = async (error: Error) => {
    if (await handleSaveError(error)) return;
    applyServerFieldErrors(error, AUTHORIZATION_FIELDS, setError);
  };

  const onSubmit = handleSubmit((values) => {
    startSave();
    const request = toAuthorizationRequest(values);
    if (current) {
      update.mutate(
        { id: current.id, version: current.version, request },
        { onSuccess: (saved) => onSaved(saved, false), onError },
      );
    } else {
      create.mutate(request, { onSuccess: (saved) => onSaved(saved, true), onError });
    }
  });

  const error = save.error;
  const overlap = isOverlap(error);
  const staleError = isPreconditionFailed(error);

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={title}>
      {reloaded && <ReloadedAlert record="authorization" />}
      {overlap && (
        <Alert title="This overlaps another authorization for the same service">
          {overlapMessage(error, existing)} Change the dates or the service, or edit the other authorization.
        </Alert>
      )}
      {!overlap && !staleError && <FormErrorAlert error={error} fields={AUTHORIZATION_FIELDS} />}
      <div className="form-grid auth-form-grid">
        <TextField label="Payer" required autoComplete="off" error={errors.payer?.message} {...register('payer')} />
        <TextField
          label="Member ID (optional)"
          autoComplete="off"
          error={errors.memberId?.message}
          {...register('memberId')}
        />
        <TextField
          label="Authorization number"
          required
          autoComplete="off"
          error={errors.authorizationNumber?.message}
          {...register('authorizationNumber')}
        />
        <SelectField
          label="Service"
          options={SERVICE_OPTIONS}
          required
          error={errors.serviceCode?.message}
          {...register('serviceCode')}
        />
        <TextField
          label="First day"
          type="date"
          required
          error={errors.startDate?.message}
          {...register('startDate')}
        />
        <TextField label="Last day" type="date" required error={errors.endDate?.message} {...register('endDate')} />
        <TextField
          label="Units authorized"
          type="number"
          inputMode="numeric"
          min={1}
          max={100000}
          required
          error={errors.unitsAuthorized?.message}
          {...register('unitsAuthorized')}
        />
      </div>
      <TextareaField label="Notes (optional)" error={errors.notes?.message} {...register('notes')} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={save.isPending}>
          {initial ? 'Save changes' : 'Save authorization'}
        </Button>
      </div>
    </form>
  );
}
