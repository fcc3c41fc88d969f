import { useIssueCreditNote } from '../api/ledger-mutations';
import { CREDIT_NOTE_FIELDS, creditNoteFormSchema } from '../api/ledger-schema';
import { formatMoney, type Invoice } from '../api/ledger-types';
import { MoneyReasonDialog } from './ledger-money-reason-dialog';

/** Issues a credit note against an issued invoice (admins): at most what is open on it. */
export function CreditNoteDialog({ invoice, onClose }: { invoice: Invoice | null; onClose: () => void }) {
  const credit = useIssueCreditNote();
  return (
    <MoneyReasonDialog
      subject={invoice}
      onClose={onClose}
      title="Issue credit note"
      description={(issued) => `Invoice ${issued.number ?? ''}: ${formatMoney(issued.open)} open.`}
      submitLabel="Issue credit note"
      schema={creditNoteFormSchema}
      fields={CREDIT_NOTE_FIELDS}
      defaultValues={(issued) => ({ amount: issued.open ?? '', reason: '' })}
      onSubmit={(issued, values) => credit.mutateAsync({ invoiceId: issued.id, ...values })}
    />
  );
}
