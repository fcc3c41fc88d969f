import { CheckboxField } from '../../../components/ui/checkbox-field';
import { useRefundPayment } from '../api/ledger-mutations';
import { REFUND_FIELDS, refundFormSchema } from '../api/ledger-schema';
import { formatMoney, type FamilyPayment } from '../api/ledger-types';
import { MoneyReasonDialog } from './ledger-money-reason-dialog';

/** Refunds part or all of a payment (admins). */
export function RefundDialog({ payment, onClose }: { payment: FamilyPayment | null; onClose: () => void }) {
  const refund = useRefundPayment();
  return (
    <MoneyReasonDialog
      subject={payment}
      onClose={onClose}
      title="Refund payment"
      description={(paid) =>
        `Paid ${formatMoney(paid.amount)}; ${formatMoney(paid.unallocated)} of it pays no item yet.`
      }
      submitLabel="Refund"
      schema={refundFormSchema}
      fields={REFUND_FIELDS}
      defaultValues={(paid) => ({
        amount: Number(paid.unallocated) > 0 ? paid.unallocated : '',
        reason: '',
        deallocate: false,
      })}
      onSubmit={(paid, values) => refund.mutateAsync({ paymentId: paid.id, ...values })}
      extraFields={(register) => (
        <CheckboxField
          label="Take money back from paid items if needed"
          hint="The newest items the payment paid become open again."
          {...register('deallocate')}
        />
      )}
    />
  );
}
