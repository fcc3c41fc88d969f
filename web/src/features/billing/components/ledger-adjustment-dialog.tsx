import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { toDay } from '../../../lib/dates';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useAdjustBalance } from '../api/ledger-mutations';
import {
  ADJUSTMENT_FIELDS,
  adjustmentFormSchema,
  toAdjustmentRequest,
  type AdjustmentForm,
} from '../api/ledger-schema';

const DIRECTIONS = [
  { value: 'debit', label: 'The family owes more' },
  { value: 'credit', label: 'A credit to the family' },
] as const;

/** Adjusts a family's balance by hand (admins): a debit the family owes, or a credit. */
export function AdjustmentDialog({ childId, open, onClose }: { childId: string; open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Adjust balance"
      description="The adjustment is a new entry in the ledger; nothing is changed or deleted."
    >
      {open && <AdjustmentFormBody childId={childId} onClose={onClose} />}
    </Dialog>
  );
}

function AdjustmentFormBody({ childId, onClose }: { childId: string; onClose: () => void }) {
  const adjust = useAdjustBalance(childId);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<AdjustmentForm>({
    resolver: zodResolver(adjustmentFormSchema),
    defaultValues: { direction: 'debit', amount: '', occurredOn: toDay(new Date()), description: '' },
  });
  const onSubmit = handleSubmit((values) => {
    adjust.mutate(toAdjustmentRequest(values), {
      onSuccess: () => onClose(),
      onError: (error) => applyServerFieldErrors(error, ADJUSTMENT_FIELDS, setError),
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Adjust balance">
      <FormErrorAlert error={adjust.error} fields={ADJUSTMENT_FIELDS} />
      <SelectField label="Kind" options={DIRECTIONS} error={errors.direction?.message} {...register('direction')} />
      <TextField
        label="Amount (USD)"
        inputMode="decimal"
        required
        error={errors.amount?.message}
        {...register('amount')}
      />
      <TextField label="Date" type="date" required error={errors.occurredOn?.message} {...register('occurredOn')} />
      <TextField
        label="Description"
        hint="What the family reads on its statement."
        required
        error={errors.description?.message}
        {...register('description')}
      />
      <DialogActions onCancel={onClose} pending={adjust.isPending} submitLabel="Post adjustment" />
    </form>
  );
}
