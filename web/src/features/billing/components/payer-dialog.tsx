import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { ReloadedAlert } from '../../../components/ui/reloaded-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { isPreconditionFailed, usePreconditionReload } from '../../../lib/use-precondition-reload';
import { payerField, payerFormSchema, toPayerForm, toPayerRequest, type PayerForm } from '../api/charge-schema';
import {
  CLAIM_FILING_INDICATORS,
  CLAIM_FILING_INDICATOR_LABELS,
  ROUNDING_RULE_LABELS,
  ROUNDING_RULES,
  type Payer,
} from '../api/charge-types';
import { getPayer, useSavePayer } from '../api/payers';

/** Adds an insurer or edits a payer (admins): name, 837 payer id, rounding rule, modifiers by credential. */
export function PayerDialog({
  open,
  payer,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The payer to edit; a new insurer when null. */
  payer: Payer | null;
  onClose: () => void;
  onSaved: (saved: Payer, created: boolean) => void;
}) {
  const title = payer ? `Edit ${payer.name}` : 'Add an insurer';
  return (
    <Dialog open={open} onClose={onClose} title={title} size="wide">
      {open && (
        <PayerFormBody key={payer?.id ?? 'new'} title={title} initial={payer} onClose={onClose} onSaved={onSaved} />
      )}
    </Dialog>
  );
}

function PayerFormBody({
  title,
  initial,
  onClose,
  onSaved,
}: {
  title: string;
  initial: Payer | null;
  onClose: () => void;
  onSaved: (saved: Payer, created: boolean) => void;
}) {
  const save = useSavePayer();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<PayerForm>({ resolver: zodResolver(payerFormSchema), defaultValues: toPayerForm(initial) });
  const { current, reloaded, startSave, handleSaveError } = usePreconditionReload({
    record: initial,
    load: (id) => getPayer(id),
    onReloaded: (latest) => reset(toPayerForm(latest)),
  });
  const privatePay = initial?.kind === 'private_pay';

  const onSubmit = handleSubmit((values) => {
    startSave();
    save.mutate(
      { request: toPayerRequest(values, current), id: current?.id, version: current?.version },
      {
        onSuccess: (saved) => onSaved(saved, current === null),
        onError: async (error) => {
          if (await handleSaveError(error)) return;
          applyServerFieldErrors(error, payerField, setError);
        },
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={title}>
      {reloaded && <ReloadedAlert record="payer" />}
      {!isPreconditionFailed(save.error) && <FormErrorAlert error={save.error} fields={payerField} />}
      <div className="form-grid">
        <TextField label="Name" required autoComplete="off" error={errors.name?.message} {...register('name')} />
        {!privatePay && (
          <TextField
            label="Payer ID for claims (optional)"
            hint="The payer ID of the 837 file, from the clearinghouse."
            autoComplete="off"
            error={errors.x12PayerId?.message}
            {...register('x12PayerId')}
          />
        )}
        <SelectField
          label="Rounding of minutes to units"
          options={ROUNDING_RULES.map((rule) => ({ value: rule, label: ROUNDING_RULE_LABELS[rule] }))}
          error={errors.roundingRule?.message}
          {...register('roundingRule')}
        />
        {!privatePay && (
          <SelectField
            label="Kind of plan (claim filing indicator)"
            hint="How its claims are filed: the 837 file's SBR09."
            options={CLAIM_FILING_INDICATORS.map((code) => ({
              value: code,
              label: CLAIM_FILING_INDICATOR_LABELS[code],
            }))}
            error={errors.claimFilingIndicator?.message}
            {...register('claimFilingIndicator')}
          />
        )}
      </div>
      {!privatePay && (
        <>
          <fieldset className="fieldset">
            <legend>Modifiers by the rendering provider’s credential</legend>
            <div className="form-grid form-grid-3">
              <TextField
                label="BCBA"
                autoComplete="off"
                error={errors.modifierBCBA?.message}
                {...register('modifierBCBA')}
              />
              <TextField
                label="BCaBA"
                autoComplete="off"
                error={errors.modifierBCaBA?.message}
                {...register('modifierBCaBA')}
              />
              <TextField
                label="RBT"
                autoComplete="off"
                error={errors.modifierRBT?.message}
                {...register('modifierRBT')}
              />
            </div>
          </fieldset>
          <fieldset className="fieldset">
            <legend>Claims address</legend>
            <div className="form-grid">
              <TextField label="Street" autoComplete="off" error={errors.line1?.message} {...register('line1')} />
              <TextField label="City" autoComplete="off" error={errors.city?.message} {...register('city')} />
              <TextField label="State" autoComplete="off" error={errors.state?.message} {...register('state')} />
              <TextField
                label="ZIP code"
                autoComplete="off"
                error={errors.postalCode?.message}
                {...register('postalCode')}
              />
            </div>
          </fieldset>
          <CheckboxField label="Needs an authorization for each service" {...register('requiresAuthorization')} />
        </>
      )}
      <CheckboxField label="Active" {...register('active')} />
      <DialogActions
        onCancel={onClose}
        pending={save.isPending}
        submitLabel={initial ? 'Save changes' : 'Add insurer'}
      />
    </form>
  );
}
