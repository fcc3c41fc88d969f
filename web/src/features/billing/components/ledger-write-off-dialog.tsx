import { useWriteOff } from '../api/ledger-mutations';
import { WRITE_OFF_FIELDS, writeOffFormSchema } from '../api/ledger-schema';
import { formatMoney, type LedgerEntry } from '../api/ledger-types';
import { MoneyReasonDialog } from './ledger-money-reason-dialog';

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
  const writeOff = useWriteOff(childId);
  return (
    <MoneyReasonDialog
      subject={item}
      onClose={onClose}
      title="Write off"
      description={(open) => `${open.description}: ${formatMoney(open.open)} open.`}
      submitLabel="Write off"
      schema={writeOffFormSchema}
      fields={WRITE_OFF_FIELDS}
      defaultValues={(open) => ({ amount: open.open ?? '', reason: '' })}
      onSubmit={(open, values) => writeOff.mutateAsync({ entryId: open.id, ...values })}
    />
  );
}
