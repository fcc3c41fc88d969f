import { zodResolver } from '@hookform/resolvers/zod';
import { useFieldArray, useForm } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { TextField } from '../../../components/ui/text-field';
import { toDay } from '../../../lib/dates';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useCreateInvoice } from '../api/ledger-mutations';
import { invoiceField, invoiceFormSchema, type InvoiceForm } from '../api/ledger-schema';

const emptyLine = () => ({ description: '', serviceDate: toDay(new Date()), quantity: '1', unitPrice: '' });

/** Drafts a private-pay invoice from lines (admins); it is issued from the invoice list. */
export function InvoiceDialog({ childId, open, onClose }: { childId: string; open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Draft invoice"
      description="Nothing is billed until you issue it."
      size="wide"
    >
      {open && <InvoiceFormBody childId={childId} onClose={onClose} />}
    </Dialog>
  );
}

function InvoiceFormBody({ childId, onClose }: { childId: string; onClose: () => void }) {
  const create = useCreateInvoice(childId);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<InvoiceForm>({ resolver: zodResolver(invoiceFormSchema), defaultValues: { lines: [emptyLine()] } });
  const { fields, append, remove } = useFieldArray({ control, name: 'lines' });
  const onSubmit = handleSubmit((values) => {
    create.mutate(
      values.lines.map((line) => ({ ...line, quantity: Number(line.quantity) })),
      { onSuccess: () => onClose(), onError: (error) => applyServerFieldErrors(error, invoiceField, setError) },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Draft invoice">
      <FormErrorAlert error={create.error} fields={invoiceField} />
      {fields.map((field, index) => (
        <fieldset key={field.id} className="form-grid">
          <legend>Line {index + 1}</legend>
          <TextField
            label="Description"
            required
            error={errors.lines?.[index]?.description?.message}
            {...register(`lines.${index}.description`)}
          />
          <TextField
            label="Date of service"
            type="date"
            required
            error={errors.lines?.[index]?.serviceDate?.message}
            {...register(`lines.${index}.serviceDate`)}
          />
          <TextField
            label="Quantity"
            inputMode="numeric"
            required
            error={errors.lines?.[index]?.quantity?.message}
            {...register(`lines.${index}.quantity`)}
          />
          <TextField
            label="Unit price (USD)"
            inputMode="decimal"
            required
            error={errors.lines?.[index]?.unitPrice?.message}
            {...register(`lines.${index}.unitPrice`)}
          />
          {fields.length > 1 && (
            <Button variant="ghost" onClick={() => remove(index)}>
              Remove line {index + 1}
            </Button>
          )}
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => append(emptyLine())} disabled={fields.length >= 100}>
        Add line
      </Button>
      <DialogActions onCancel={onClose} pending={create.isPending} submitLabel="Save draft" />
    </form>
  );
}
