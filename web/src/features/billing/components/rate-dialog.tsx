import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-error';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { SERVICE_OPTIONS } from '../api/authorization-types';
import { RATE_FIELDS, rateFormSchema, toRateForm, toRateRequest, type RateForm } from '../api/charge-schema';
import type { FeeRate, Payer } from '../api/charge-types';
import { useSaveRate } from '../api/payers';

/** Adds a rate to a payer's fee schedule or changes one: the amount per 15-minute unit from a date on. */
export function RateDialog({
  payer,
  rate,
  open,
  onClose,
  onSaved,
}: {
  payer: Payer;
  rate: FeeRate | null;
  open: boolean;
  onClose: () => void;
  onSaved: (saved: FeeRate) => void;
}) {
  const title = rate ? 'Change the rate' : `Add a rate for ${payer.name}`;
  return (
    <Dialog open={open} onClose={onClose} title={title} description={`Per 15-minute unit, in ${payer.currency}.`}>
      {open && (
        <RateFormBody
          key={rate?.id ?? 'new'}
          title={title}
          payer={payer}
          rate={rate}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Dialog>
  );
}

function RateFormBody({
  title,
  payer,
  rate,
  onClose,
  onSaved,
}: {
  title: string;
  payer: Payer;
  rate: FeeRate | null;
  onClose: () => void;
  onSaved: (saved: FeeRate) => void;
}) {
  const save = useSaveRate(payer.id);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<RateForm>({ resolver: zodResolver(rateFormSchema), defaultValues: toRateForm(rate) });

  const onSubmit = handleSubmit((values) =>
    save.mutate(
      { request: toRateRequest(values), rateId: rate?.id },
      { onSuccess: onSaved, onError: (error) => applyServerFieldErrors(error, RATE_FIELDS, setError) },
    ),
  );
  const overlap = save.error instanceof ApiError && save.error.status === 409;

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={title}>
      {overlap ? (
        <Alert title="Another rate covers these dates">
          End the other rate of this service first, or change the dates.
        </Alert>
      ) : (
        <FormErrorAlert error={save.error} fields={RATE_FIELDS} />
      )}
      <div className="form-grid">
        <SelectField
          label="Service"
          options={SERVICE_OPTIONS}
          required
          error={errors.serviceCode?.message}
          {...register('serviceCode')}
        />
        <TextField
          label="Rate per unit"
          inputMode="decimal"
          required
          autoComplete="off"
          error={errors.ratePerUnit?.message}
          {...register('ratePerUnit')}
        />
        <TextField
          label="From"
          type="date"
          required
          error={errors.effectiveFrom?.message}
          {...register('effectiveFrom')}
        />
        <TextField
          label="Until (optional)"
          type="date"
          error={errors.effectiveTo?.message}
          {...register('effectiveTo')}
        />
      </div>
      <DialogActions onCancel={onClose} pending={save.isPending} submitLabel={rate ? 'Save rate' : 'Add rate'} />
    </form>
  );
}
