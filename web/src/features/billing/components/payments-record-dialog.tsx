import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-error';
import { toDay } from '../../../lib/dates';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useRecordPayment } from '../api/ledger-mutations';
import { PAYMENT_FIELDS, paymentFormSchema, toPaymentRequest, type PaymentForm } from '../api/ledger-schema';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, type FamilyPayment } from '../api/ledger-types';

const METHOD_OPTIONS = PAYMENT_METHODS.map((value) => ({ value, label: PAYMENT_METHOD_LABELS[value] }));

export interface RecordPaymentDialogProps {
  childId: string;
  open: boolean;
  onClose: () => void;
  onRecorded: (payment: FamilyPayment) => void;
}

/** Records a payment a family made at the clinic (admins). The payment pays the oldest open items first. */
export function RecordPaymentDialog({ childId, open, onClose, onRecorded }: RecordPaymentDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Record payment"
      description="The payment pays the family's oldest open items first; anything left is a credit."
    >
      {open && <PaymentFormBody childId={childId} onClose={onClose} onRecorded={onRecorded} />}
    </Dialog>
  );
}

function PaymentFormBody({
  childId,
  onClose,
  onRecorded,
}: {
  childId: string;
  onClose: () => void;
  onRecorded: (payment: FamilyPayment) => void;
}) {
  // one key per payment this dialog records: a retry after a lost answer sends the same key, and the server stores
  // one payment
  const [key] = useState(() => crypto.randomUUID());
  const record = useRecordPayment(childId);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<PaymentForm>({
    resolver: zodResolver(paymentFormSchema),
    defaultValues: { method: 'cash', reference: '', amount: '', receivedOn: toDay(new Date()), note: '' },
  });

  const onSubmit = handleSubmit((values) => {
    record.mutate(
      { key, request: toPaymentRequest(values) },
      {
        onSuccess: (payment) => onRecorded(payment),
        onError: (error) => applyServerFieldErrors(error, PAYMENT_FIELDS, setError),
      },
    );
  });

  const reused =
    record.error instanceof ApiError &&
    record.error.status === 409 &&
    record.error.type.endsWith('/idempotency-key-reused');

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Record payment">
      {reused ? (
        <Alert title="Already recorded with other details">
          This payment was recorded a moment ago with other details. Close this dialog and check the family's payments.
        </Alert>
      ) : (
        <FormErrorAlert error={record.error} fields={PAYMENT_FIELDS} />
      )}
      <div className="form-grid">
        <SelectField
          label="Method"
          options={METHOD_OPTIONS}
          required
          error={errors.method?.message}
          {...register('method')}
        />
        <TextField
          label="Amount (USD)"
          inputMode="decimal"
          autoComplete="off"
          required
          error={errors.amount?.message}
          {...register('amount')}
        />
        <TextField
          label="Check number or terminal reference"
          autoComplete="off"
          error={errors.reference?.message}
          {...register('reference')}
        />
        <TextField
          label="Received on"
          type="date"
          required
          error={errors.receivedOn?.message}
          {...register('receivedOn')}
        />
      </div>
      <TextField label="Note (optional)" autoComplete="off" error={errors.note?.message} {...register('note')} />
      <DialogActions onCancel={onClose} pending={record.isPending} submitLabel="Record payment" />
    </form>
  );
}
