import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { TextField } from '../../../components/ui/text-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useWriteOff } from '../api/ledger-mutations';
import { WRITE_OFF_FIELDS, writeOffFormSchema, type WriteOffForm } from '../api/ledger-schema';
import { formatMoney, type LedgerEntry } from '../api/ledger-types';

/** Writes off part or all of what is open on an item (admins). */
export function WriteOffDialog({
  childId,
  item,
  onClose,
}: {
  childId: string;
  item: LedgerEntry | null;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={item !== null}
      onClose={onClose}
      title="Write off"
      description={item ? `${item.description}: ${formatMoney(item.open)} open.` : undefined}
    >
      {item && <WriteOffFormBody childId={childId} item={item} onClose={onClose} />}
    </Dialog>
  );
}

function WriteOffFormBody({ childId, item, onClose }: { childId: string; item: LedgerEntry; onClose: () => void }) {
  const writeOff = useWriteOff(childId);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<WriteOffForm>({
    resolver: zodResolver(writeOffFormSchema),
    defaultValues: { amount: item.open ?? '', reason: '' },
  });
  const onSubmit = handleSubmit((values) => {
    writeOff.mutate(
      { entryId: item.id, ...values },
      { onSuccess: () => onClose(), onError: (error) => applyServerFieldErrors(error, WRITE_OFF_FIELDS, setError) },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Write off">
      <FormErrorAlert error={writeOff.error} fields={WRITE_OFF_FIELDS} />
      <TextField
        label="Amount (USD)"
        inputMode="decimal"
        required
        error={errors.amount?.message}
        {...register('amount')}
      />
      <TextField label="Reason" required error={errors.reason?.message} {...register('reason')} />
      <DialogActions onCancel={onClose} pending={writeOff.isPending} submitLabel="Write off" />
    </form>
  );
}
