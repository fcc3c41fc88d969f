import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { TextField } from '../../../components/ui/text-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useRefundPayment } from '../api/ledger-mutations';
import { REFUND_FIELDS, refundFormSchema, type RefundForm } from '../api/ledger-schema';
import { formatMoney, type FamilyPayment } from '../api/ledger-types';

/** Refunds part or all of a payment (admins). */
export function RefundDialog({ payment, onClose }: { payment: FamilyPayment | null; onClose: () => void }) {
  return (
    <Dialog
      open={payment !== null}
      onClose={onClose}
      title="Refund payment"
      description={
        payment
          ? `Paid ${formatMoney(payment.amount)}; ${formatMoney(payment.unallocated)} of it pays no item yet.`
          : undefined
      }
    >
      {payment && <RefundFormBody payment={payment} onClose={onClose} />}
    </Dialog>
  );
}

function RefundFormBody({ payment, onClose }: { payment: FamilyPayment; onClose: () => void }) {
  const refund = useRefundPayment();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<RefundForm>({
    resolver: zodResolver(refundFormSchema),
    defaultValues: {
      amount: Number(payment.unallocated) > 0 ? payment.unallocated : '',
      reason: '',
      deallocate: false,
    },
  });
  const onSubmit = handleSubmit((values) => {
    refund.mutate(
      { paymentId: payment.id, ...values },
      { onSuccess: () => onClose(), onError: (error) => applyServerFieldErrors(error, REFUND_FIELDS, setError) },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Refund payment">
      <FormErrorAlert error={refund.error} fields={REFUND_FIELDS} />
      <TextField
        label="Amount (USD)"
        inputMode="decimal"
        required
        error={errors.amount?.message}
        {...register('amount')}
      />
      <TextField label="Reason" required error={errors.reason?.message} {...register('reason')} />
      <CheckboxField
        label="Take money back from paid items if needed"
        hint="The newest items the payment paid become open again."
        {...register('deallocate')}
      />
      <DialogActions onCancel={onClose} pending={refund.isPending} submitLabel="Refund" />
    </form>
  );
}
