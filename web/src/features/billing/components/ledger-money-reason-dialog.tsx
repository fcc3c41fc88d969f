import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { useForm, type FieldErrors, type Path, type UseFormRegister } from 'react-hook-form';
import type { z } from 'zod';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { TextField } from '../../../components/ui/text-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';

/** What every money-with-a-reason form holds: an amount in USD and why. */
export interface MoneyReasonValues {
  amount: string;
  reason: string;
}

export interface MoneyReasonDialogProps<S, F extends MoneyReasonValues> {
  /** What the money is taken from (an item, an invoice, a payment); the dialog is open while it is set. */
  subject: S | null;
  onClose: () => void;
  /** The dialog's title, which also names its form. */
  title: string;
  description: (subject: S) => string;
  submitLabel: string;
  schema: z.ZodType<F, F>;
  /** The form's fields the server's errors may point at (see `applyServerFieldErrors`). */
  fields: readonly Path<F>[];
  defaultValues: (subject: S) => F;
  /** Sends the form; the dialog closes when it resolves and shows the server's answer when it rejects. */
  onSubmit: (subject: S, values: F) => Promise<unknown>;
  /** Fields after the amount and reason (the refund's "take money back" choice). */
  extraFields?: (register: UseFormRegister<F>) => ReactNode;
}

/**
 * The dialog of a ledger action that moves an amount for a reason (credit note, write-off, refund): the amount
 * (offered in full), the reason, the server's refusals at their fields. A new form each time it opens.
 */
export function MoneyReasonDialog<S, F extends MoneyReasonValues>(props: MoneyReasonDialogProps<S, F>) {
  const { subject, onClose, title, description } = props;
  return (
    <Dialog
      open={subject !== null}
      onClose={onClose}
      title={title}
      description={subject !== null ? description(subject) : undefined}
    >
      {subject !== null && <MoneyReasonForm {...props} subject={subject} />}
    </Dialog>
  );
}

function MoneyReasonForm<S, F extends MoneyReasonValues>({
  subject,
  onClose,
  title,
  submitLabel,
  schema,
  fields,
  defaultValues,
  onSubmit,
  extraFields,
}: MoneyReasonDialogProps<S, F> & { subject: S }) {
  const [failure, setFailure] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<F, unknown, F>({
    resolver: zodResolver(schema),
    defaultValues: defaultValues(subject) as never,
  });
  const fieldErrors = errors as FieldErrors<MoneyReasonValues>;
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await onSubmit(subject, values);
      onClose();
    } catch (error) {
      setFailure(error);
      applyServerFieldErrors(error, fields, setError);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="form" aria-label={title}>
      <FormErrorAlert error={failure} fields={fields} />
      <TextField
        label="Amount (USD)"
        inputMode="decimal"
        required
        error={fieldErrors.amount?.message}
        {...register('amount' as Path<F>)}
      />
      <TextField label="Reason" required error={fieldErrors.reason?.message} {...register('reason' as Path<F>)} />
      {extraFields?.(register)}
      <DialogActions onCancel={onClose} pending={isSubmitting} submitLabel={submitLabel} />
    </form>
  );
}
