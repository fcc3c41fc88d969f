import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { Dialog } from '../../../components/ui/dialog';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { TextareaField } from '../../../components/ui/textarea-field';
import { formatDay } from '../../../lib/dates';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { serviceLabel } from '../api/authorization-types';
import { useVoidCharge } from '../api/change-charge';
import { voidChargeSchema, type VoidChargeForm } from '../api/charge-schema';
import { formatMoney, type Charge } from '../api/charge-types';

/** Voids a ready or held charge that will never be billed, with the reason (admins). */
export function ChargeVoidDialog({
  charge,
  onClose,
  onVoided,
}: {
  charge: Charge | null;
  onClose: () => void;
  onVoided: (charge: Charge) => void;
}) {
  return (
    <Dialog
      open={charge !== null}
      onClose={onClose}
      title="Void this charge?"
      description={
        charge
          ? `${charge.childName}, ${formatDay(charge.serviceDate)}, ${serviceLabel(charge.serviceCode)}, ${formatMoney(charge.amount, charge.currency)}. It will never be billed.`
          : undefined
      }
    >
      {charge && <VoidForm key={charge.id} charge={charge} onClose={onClose} onVoided={onVoided} />}
    </Dialog>
  );
}

function VoidForm({
  charge,
  onClose,
  onVoided,
}: {
  charge: Charge;
  onClose: () => void;
  onVoided: (charge: Charge) => void;
}) {
  const voidCharge = useVoidCharge();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<VoidChargeForm>({ resolver: zodResolver(voidChargeSchema), defaultValues: { reason: '' } });

  const onSubmit = handleSubmit((values) =>
    voidCharge.mutate(
      { id: charge.id, version: charge.version, reason: values.reason.trim() },
      {
        onSuccess: onVoided,
        onError: (error) => applyServerFieldErrors(error, ['reason'], setError),
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Void the charge">
      <FormErrorAlert error={voidCharge.error} fields={['reason']} />
      <TextareaField label="Reason" required error={errors.reason?.message} {...register('reason')} />
      <DialogActions onCancel={onClose} pending={voidCharge.isPending} submitLabel="Void charge" />
    </form>
  );
}
