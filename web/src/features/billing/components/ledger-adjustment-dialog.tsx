import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { formatDay, toDay } from '../../../lib/dates';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useAdjustBalance } from '../api/ledger-mutations';
import { useOpenItems } from '../api/ledger-queries';
import { adjustmentField, adjustmentFormSchema, toAdjustmentRequest, type AdjustmentForm } from '../api/ledger-schema';
import { ENTRY_KIND_LABELS, formatMoney, type LedgerEntry } from '../api/ledger-types';

const DIRECTIONS = [
  { value: 'debit', label: 'The family owes more' },
  { value: 'credit', label: 'A credit to the family' },
] as const;

/** "Nov 3, 2026 · $40.00 open · Charge: 97153 ABA therapy": the amount early, before a narrow select cuts the text. */
function openItemLabel(item: LedgerEntry): string {
  return `${formatDay(item.occurredOn)} · ${formatMoney(item.open)} open · ${ENTRY_KIND_LABELS[item.kind]}: ${item.description}`;
}

/**
 * Adjusts a family's balance by hand (admins): a debit the family owes, or a credit, which reduces the oldest open
 * items first unless one open item is chosen.
 */
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
    control,
    formState: { errors },
  } = useForm<AdjustmentForm>({
    resolver: zodResolver(adjustmentFormSchema),
    defaultValues: { direction: 'debit', amount: '', occurredOn: toDay(new Date()), description: '', appliesTo: '' },
  });
  const credit = useWatch({ control, name: 'direction' }) === 'credit';
  const openItems = useOpenItems(childId, credit);
  const onSubmit = handleSubmit((values) => {
    adjust.mutate(toAdjustmentRequest(values), {
      onSuccess: () => onClose(),
      onError: (error) => applyServerFieldErrors(error, adjustmentField, setError),
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Adjust balance">
      <FormErrorAlert error={adjust.error} fields={adjustmentField} />
      <SelectField label="Kind" options={DIRECTIONS} error={errors.direction?.message} {...register('direction')} />
      <TextField
        label="Amount (USD)"
        inputMode="decimal"
        required
        error={errors.amount?.message}
        {...register('amount')}
      />
      {credit && (
        <SelectField
          label="Apply to"
          placeholder="The oldest open items first"
          options={(openItems.data ?? []).map((item) => ({ value: item.id, label: openItemLabel(item) }))}
          hint={
            openItems.isPending
              ? 'Loading the open items…'
              : openItems.isError
                ? 'The open items could not be read; the credit goes to the oldest first.'
                : openItems.data.length === 0
                  ? 'Nothing is open: the credit stays on the account for the next charges.'
                  : 'A credit can reduce one open item, by at most what is open on it.'
          }
          error={errors.appliesTo?.message}
          {...register('appliesTo')}
        />
      )}
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
