import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { TextField } from '../../../components/ui/text-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useReverseEntry } from '../api/ledger-mutations';
import { REVERSAL_FIELDS, reversalFormSchema, type ReversalForm } from '../api/ledger-schema';
import { formatMoney, type LedgerEntry } from '../api/ledger-types';

/**
 * Reverses a ledger entry (admins): an entry of the opposite amount, once. The server refuses what cannot be
 * reversed (an invoice's entries, a reversal, an item with credits applied) with a message shown here.
 */
export function ReversalDialog({ entry, onClose }: { entry: LedgerEntry | null; onClose: () => void }) {
  return (
    <Dialog
      open={entry !== null}
      onClose={onClose}
      title="Reverse entry"
      description={
        entry ? `${entry.description}: ${formatMoney(entry.amount)}. A reversal posts the opposite amount.` : undefined
      }
    >
      {entry && <ReversalFormBody entry={entry} onClose={onClose} />}
    </Dialog>
  );
}

function ReversalFormBody({ entry, onClose }: { entry: LedgerEntry; onClose: () => void }) {
  const reverse = useReverseEntry();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ReversalForm>({ resolver: zodResolver(reversalFormSchema), defaultValues: { reason: '' } });
  const onSubmit = handleSubmit((values) => {
    reverse.mutate(
      { entryId: entry.id, ...values },
      { onSuccess: () => onClose(), onError: (error) => applyServerFieldErrors(error, REVERSAL_FIELDS, setError) },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Reverse entry">
      <FormErrorAlert error={reverse.error} fields={REVERSAL_FIELDS} />
      <TextField label="Reason" required error={errors.reason?.message} {...register('reason')} />
      <DialogActions onCancel={onClose} pending={reverse.isPending} submitLabel="Reverse" />
    </form>
  );
}
