import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { TextField } from '../../../components/ui/text-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useVoidInvoice } from '../api/ledger-mutations';
import { VOID_FIELDS, voidFormSchema, type VoidForm } from '../api/ledger-schema';
import type { Invoice } from '../api/ledger-types';

/** Voids an invoice (admins): the charges it posted are reversed. */
export function VoidInvoiceDialog({ invoice, onClose }: { invoice: Invoice | null; onClose: () => void }) {
  return (
    <Dialog
      open={invoice !== null}
      onClose={onClose}
      title="Void invoice"
      description="Its charges are reversed; payments on them become a credit."
    >
      {invoice && <VoidFormBody invoice={invoice} onClose={onClose} />}
    </Dialog>
  );
}

function VoidFormBody({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const voidInvoice = useVoidInvoice();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<VoidForm>({ resolver: zodResolver(voidFormSchema), defaultValues: { reason: '' } });
  const onSubmit = handleSubmit((values) => {
    voidInvoice.mutate(
      { invoiceId: invoice.id, reason: values.reason },
      { onSuccess: () => onClose(), onError: (error) => applyServerFieldErrors(error, VOID_FIELDS, setError) },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Void invoice">
      <FormErrorAlert error={voidInvoice.error} fields={VOID_FIELDS} />
      <TextField label="Reason" required error={errors.reason?.message} {...register('reason')} />
      <DialogActions onCancel={onClose} pending={voidInvoice.isPending} submitLabel="Void invoice" />
    </form>
  );
}
