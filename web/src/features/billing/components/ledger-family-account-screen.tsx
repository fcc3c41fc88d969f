import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PagedResults } from '../../../components/ui/paged-results';
import { Table } from '../../../components/ui/table';
import { errorMessage } from '../../../lib/api-error';
import { formatDay } from '../../../lib/dates';
import { useFamilyAccount, useLedgerEntries } from '../api/ledger-queries';
import { ENTRY_KIND_LABELS, formatMoney, type FamilyAccount, type LedgerEntry } from '../api/ledger-types';
import { AdjustmentDialog } from './ledger-adjustment-dialog';
import { InvoicesSection, PaymentsSection, StatementsSection } from './ledger-family-sections';
import { ReversalDialog } from './ledger-reversal-dialog';
import { WriteOffDialog } from './ledger-write-off-dialog';
import { RecordPaymentDialog } from './payments-record-dialog';

/** The balance of a family, large, with what is open and the last payment. */
export function BalanceSummary({ account }: { account: FamilyAccount }) {
  const credit = Number(account.balance) < 0;
  return (
    <dl className="details ledger-summary" aria-label="Balance">
      <div>
        <dt>{credit ? 'Credit' : 'Balance due'}</dt>
        <dd className="ledger-figure">{formatMoney(credit ? String(-Number(account.balance)) : account.balance)}</dd>
      </div>
      <div>
        <dt>Oldest open item</dt>
        <dd>{account.oldestOpenOn ? formatDay(account.oldestOpenOn) : 'None'}</dd>
      </div>
      <div>
        <dt>Last payment</dt>
        <dd>{account.lastPaymentOn ? formatDay(account.lastPaymentOn) : 'None'}</dd>
      </div>
    </dl>
  );
}

/**
 * One family's money for an admin: balance, record payment, adjust the balance, the ledger with write-offs and
 * reversals, payments with refunds, invoices (issue, void, credit note, PDF) and monthly statements (PDF).
 */
export function FamilyAccountScreen({ childId }: { childId: string }) {
  const account = useFamilyAccount(childId);
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  if (account.isPending) {
    return (
      <p className="muted" role="status">
        Loading the family's account…
      </p>
    );
  }
  if (account.isError) return <Alert>{errorMessage(account.error)}</Alert>;
  return (
    <div className="billing-sections">
      <div className="toolbar">
        <h2 className="section-title">{account.data.childName}</h2>
        <div className="cell-actions">
          <Button variant="secondary" onClick={() => setAdjusting(true)}>
            Adjust balance
          </Button>
          <Button onClick={() => setRecording(true)}>Record payment</Button>
        </div>
      </div>
      {recorded && (
        <p role="status" className="notice">
          {recorded}
        </p>
      )}
      <BalanceSummary account={account.data} />
      <LedgerSection childId={childId} />
      <PaymentsSection childId={childId} admin />
      <InvoicesSection childId={childId} admin />
      <StatementsSection childId={childId} />
      <RecordPaymentDialog
        childId={childId}
        open={recording}
        onClose={() => setRecording(false)}
        onRecorded={(payment) => {
          setRecording(false);
          setRecorded(`Payment of ${formatMoney(payment.amount)} recorded.`);
        }}
      />
      <AdjustmentDialog childId={childId} open={adjusting} onClose={() => setAdjusting(false)} />
    </div>
  );
}

function LedgerSection({ childId }: { childId: string }) {
  const [page, setPage] = useState(0);
  const entries = useLedgerEntries(childId, page);
  const [writingOff, setWritingOff] = useState<LedgerEntry | null>(null);
  const [reversing, setReversing] = useState<LedgerEntry | null>(null);
  return (
    <section aria-labelledby="ledger-heading" className="section">
      <h2 id="ledger-heading" className="section-title">
        Ledger
      </h2>
      <PagedResults query={entries} noun="entries" empty="No entries yet." page={page} onPageChange={setPage}>
        {(items) => (
          <Table caption="Ledger entries" captionHidden>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Entry</th>
                <th scope="col">Amount</th>
                <th scope="col">Open</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody className="table-stack">
              {items.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">{formatDay(entry.occurredOn)}</th>
                  <td data-label="Entry">
                    {ENTRY_KIND_LABELS[entry.kind]}
                    {entry.reversedBy && ' (reversed)'}
                    <span className="cell-email">{entry.description}</span>
                  </td>
                  <td data-label="Amount">{formatMoney(entry.amount)}</td>
                  <td data-label="Open">{entry.open === null ? '—' : formatMoney(entry.open)}</td>
                  <td data-label="Actions" className="cell-actions">
                    {entry.open !== null && Number(entry.open) > 0 && (
                      <Button
                        variant="secondary"
                        onClick={() => setWritingOff(entry)}
                        aria-label={`Write off ${entryName(entry)}`}
                      >
                        Write off
                      </Button>
                    )}
                    {reversible(entry) && (
                      <Button
                        variant="secondary"
                        onClick={() => setReversing(entry)}
                        aria-label={`Reverse ${entryName(entry)}`}
                      >
                        Reverse
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </PagedResults>
      <WriteOffDialog childId={childId} item={writingOff} onClose={() => setWritingOff(null)} />
      <ReversalDialog entry={reversing} onClose={() => setReversing(null)} />
    </section>
  );
}

/** "the charge of $160.00 on Nov 30, 2026", naming a row's buttons. */
function entryName(entry: LedgerEntry): string {
  return `the ${ENTRY_KIND_LABELS[entry.kind].toLowerCase()} of ${formatMoney(entry.amount)} on ${formatDay(entry.occurredOn)}`;
}

/** An entry an admin may reverse here: not a reversal, not reversed, not an invoice's (void or credit those). */
function reversible(entry: LedgerEntry): boolean {
  return entry.kind !== 'reversal' && !entry.reversedBy && !entry.invoiceId;
}
