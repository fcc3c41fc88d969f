import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { TextField } from '../../../components/ui/text-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useIssueCreditNote } from '../api/ledger-mutations';
import { CREDIT_NOTE_FIELDS, creditNoteFormSchema, type CreditNoteForm } from '../api/ledger-schema';
import { formatMoney, type Invoice } from '../api/ledger-types';

/** Issues a credit note against an issued invoice (admins): at most what is open on it. */
export function CreditNoteDialog({ invoice, onClose }: { invoice: Invoice | null; onClose: () => void }) {
  return (
    <Dialog
      open={invoice !== null}
      onClose={onClose}
      title="Issue credit note"
      description={invoice ? `Invoice ${invoice.number ?? ''}: ${formatMoney(invoice.open)} open.` : undefined}
    >
      {invoice && <CreditNoteFormBody invoice={invoice} onClose={onClose} />}
    </Dialog>
  );
}

function CreditNoteFormBody({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const credit = useIssueCreditNote();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CreditNoteForm>({
    resolver: zodResolver(creditNoteFormSchema),
    defaultValues: { amount: invoice.open ?? '', reason: '' },
  });
  const onSubmit = handleSubmit((values) => {
    credit.mutate(
      { invoiceId: invoice.id, ...values },
      { onSuccess: () => onClose(), onError: (error) => applyServerFieldErrors(error, CREDIT_NOTE_FIELDS, setError) },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Issue credit note">
      <FormErrorAlert error={credit.error} fields={CREDIT_NOTE_FIELDS} />
      <TextField
        label="Amount (USD)"
        inputMode="decimal"
        required
        error={errors.amount?.message}
        {...register('amount')}
      />
      <TextField label="Reason" required error={errors.reason?.message} {...register('reason')} />
      <DialogActions onCancel={onClose} pending={credit.isPending} submitLabel="Issue credit note" />
    </form>
  );
}
