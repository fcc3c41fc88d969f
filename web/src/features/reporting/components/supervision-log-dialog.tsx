import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { toDay, isValidDay } from '../../../lib/dates';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import {
  useLogSupervisionContact,
  useSupervisionPeople,
  type SupervisionContactRequest,
} from '../api/supervision-contacts';

/** The first and last day a contact may be held on: within the last year, not in the future. */
export function heldOnRange(today: Date = new Date()): { earliest: string; latest: string } {
  const yearAgo = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate());
  return { earliest: toDay(yearAgo), latest: toDay(today) };
}

function supervisionSchema(isAdmin: boolean) {
  return z
    .object({
      heldOn: z.string().refine(isValidDay, 'Enter the date of the contact'),
      minutes: z
        .string()
        .trim()
        .refine((value) => /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 600, {
          message: 'Enter whole minutes from 1 to 600',
        }),
      kind: z.enum(['individual', 'group']),
      withChild: z.boolean(),
      technicianIds: z.array(z.string()),
      supervisorId: z.string(),
    })
    .superRefine((values, ctx) => {
      const { earliest, latest } = heldOnRange();
      if (isValidDay(values.heldOn) && values.heldOn > latest) {
        ctx.addIssue({ code: 'custom', path: ['heldOn'], message: 'The date cannot be in the future' });
      } else if (isValidDay(values.heldOn) && values.heldOn < earliest) {
        ctx.addIssue({ code: 'custom', path: ['heldOn'], message: 'The date must be within the last year' });
      }
      const count = values.technicianIds.length;
      if (values.kind === 'individual' && count !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['technicianIds'],
          message: 'An individual contact names exactly one technician',
        });
      }
      if (values.kind === 'group' && (count < 2 || count > 10)) {
        ctx.addIssue({ code: 'custom', path: ['technicianIds'], message: 'A group contact names 2 to 10 technicians' });
      }
      if (isAdmin && !values.supervisorId) {
        ctx.addIssue({ code: 'custom', path: ['supervisorId'], message: 'Choose the supervisor' });
      }
    });
}

type SupervisionValues = z.infer<ReturnType<typeof supervisionSchema>>;
type SupervisionField = keyof SupervisionValues;

/** Where the server's pointers show: "/technicianIds/1" at the technicians. */
function serverField(path: string): SupervisionField | undefined {
  const head = path.split('.')[0] as SupervisionField;
  return ['heldOn', 'minutes', 'kind', 'withChild', 'technicianIds', 'supervisorId'].includes(head) ? head : undefined;
}

export interface SupervisionLogDialogProps {
  open: boolean;
  onClose: () => void;
  /** Admins name the supervisor; a BCBA or BCaBA logs their own contacts. */
  isAdmin: boolean;
  /** Called with the saved contact's day after it is logged. */
  onLogged?: (heldOn: string) => void;
}

/**
 * "Log supervision" (ADR 0035): a BCBA's or BCaBA's contact with RBT technicians — day, minutes, individual (one
 * technician) or group (2–10), with a child or not; an admin names the supervisor. The server's refusals show at
 * their fields. A new form each time it opens.
 */
export function SupervisionLogDialog({ open, onClose, isAdmin, onLogged }: SupervisionLogDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Log supervision"
      description="A supervision contact with RBT technicians, for the BACB monthly requirement."
    >
      {open && <SupervisionLogForm onClose={onClose} isAdmin={isAdmin} onLogged={onLogged} />}
    </Dialog>
  );
}

function SupervisionLogForm({ onClose, isAdmin, onLogged }: Omit<SupervisionLogDialogProps, 'open'>) {
  const id = useId();
  const people = useSupervisionPeople(isAdmin);
  const log = useLogSupervisionContact();
  const [failure, setFailure] = useState<unknown>(null);
  const { earliest, latest } = heldOnRange();
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<SupervisionValues>({
    resolver: zodResolver(supervisionSchema(isAdmin)),
    defaultValues: {
      heldOn: latest,
      minutes: '',
      kind: 'individual',
      withChild: false,
      technicianIds: [],
      supervisorId: '',
    },
  });
  const kind = useWatch({ control, name: 'kind' });
  const chosen = useWatch({ control, name: 'technicianIds' });
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const body: SupervisionContactRequest = {
      heldOn: values.heldOn,
      minutes: Number(values.minutes),
      kind: values.kind,
      withChild: values.withChild,
      technicianIds: values.technicianIds,
      ...(isAdmin ? { supervisorId: values.supervisorId } : {}),
    };
    try {
      await log.mutateAsync(body);
      onLogged?.(values.heldOn);
      onClose();
    } catch (error) {
      setFailure(error);
      applyServerFieldErrors(error, serverField, setError);
    }
  });
  const technicians = people.data?.technicians ?? [];
  const techniciansError = errors.technicianIds?.message ?? errors.technicianIds?.root?.message;
  const techniciansErrorId = `${id}-technicians-error`;
  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Log supervision">
      <FormErrorAlert error={failure} fields={serverField} />
      {people.error != null && <Alert>{errorMessage(people.error)}</Alert>}
      {isAdmin && (
        <SelectField
          label="Supervisor (BCBA or BCaBA)"
          placeholder="Choose…"
          required
          data-autofocus
          options={(people.data?.supervisors ?? []).map((person) => ({ value: person.id, label: person.name }))}
          error={errors.supervisorId?.message}
          {...register('supervisorId')}
        />
      )}
      <div className="form-grid">
        <TextField
          label="Date"
          type="date"
          required
          min={earliest}
          max={latest}
          data-autofocus={isAdmin ? undefined : true}
          error={errors.heldOn?.message}
          {...register('heldOn')}
        />
        <TextField
          label="Minutes (1 to 600)"
          type="number"
          inputMode="numeric"
          min={1}
          max={600}
          step={1}
          required
          error={errors.minutes?.message}
          {...register('minutes')}
        />
      </div>
      <fieldset className="fieldset" aria-describedby={errors.kind ? `${id}-kind-error` : undefined}>
        <legend className="fieldset-legend">Kind</legend>
        <div className="field field-checkbox">
          <input id={`${id}-individual`} type="radio" className="checkbox" value="individual" {...register('kind')} />
          <label htmlFor={`${id}-individual`}>Individual (one technician)</label>
        </div>
        <div className="field field-checkbox">
          <input id={`${id}-group`} type="radio" className="checkbox" value="group" {...register('kind')} />
          <label htmlFor={`${id}-group`}>Group (2 to 10 technicians)</label>
        </div>
        {errors.kind?.message && (
          <p id={`${id}-kind-error`} className="field-error">
            {errors.kind.message}
          </p>
        )}
      </fieldset>
      <CheckboxField label="Observed the technician with a child" {...register('withChild')} />
      <fieldset
        className={`fieldset${techniciansError ? ' field-invalid' : ''}`}
        aria-describedby={techniciansError ? techniciansErrorId : undefined}
        aria-invalid={techniciansError ? true : undefined}
      >
        <legend className="fieldset-legend">
          {kind === 'group' ? 'Technicians (RBT, 2 to 10)' : 'Technician (RBT, one)'}
        </legend>
        {people.isPending && (
          <p className="muted" role="status">
            Loading technicians…
          </p>
        )}
        {!people.isPending && technicians.length === 0 && !people.error && (
          <p className="muted">No RBT technicians to choose from.</p>
        )}
        <div className="supervision-technicians">
          {technicians.map((person) => (
            <CheckboxField
              key={person.id}
              label={person.name}
              checked={chosen.includes(person.id)}
              onChange={(event) =>
                setValue(
                  'technicianIds',
                  event.target.checked ? [...chosen, person.id] : chosen.filter((other) => other !== person.id),
                  { shouldValidate: Boolean(errors.technicianIds) },
                )
              }
            />
          ))}
        </div>
        {techniciansError && (
          <p id={techniciansErrorId} className="field-error">
            {techniciansError}
          </p>
        )}
      </fieldset>
      <DialogActions onCancel={onClose} pending={isSubmitting} submitLabel="Log supervision" />
    </form>
  );
}
