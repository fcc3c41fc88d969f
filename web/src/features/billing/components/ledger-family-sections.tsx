import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Table } from '../../../components/ui/table';
import { errorMessage } from '../../../lib/api-error';
import { formatDay } from '../../../lib/dates';
import { downloadPdf, invoicePdfPath, statementPdfPath } from '../api/download-pdf';
import { useIssueInvoice } from '../api/ledger-mutations';
import { useInvoices, usePayments, useStatementMonths } from '../api/ledger-queries';
import { formatMoney, formatMonth, PAYMENT_METHOD_LABELS, type FamilyPayment, type Invoice } from '../api/ledger-types';
import { RefundDialog } from './payments-refund-dialog';
import { CreditNoteDialog } from './ledger-credit-note-dialog';
import { InvoiceDialog } from './ledger-invoice-dialog';
import { VoidInvoiceDialog } from './ledger-void-invoice-dialog';

/** A button that downloads a PDF and says so when it fails. */
export function PdfButton({ path, filename, label }: { path: string; filename: string; label: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  return (
    <>
      <Button
        variant="secondary"
        pending={state === 'busy'}
        aria-label={label}
        onClick={async () => {
          setState('busy');
          try {
            await downloadPdf(path, filename);
            setState('idle');
          } catch {
            setState('failed');
          }
        }}
      >
        PDF
      </Button>
      {state === 'failed' && (
        <span role="alert" className="field-error">
          The PDF could not be downloaded.
        </span>
      )}
    </>
  );
}

/** The family's monthly statements with their closing balance and PDF. */
export function StatementsSection({ childId }: { childId: string }) {
  const months = useStatementMonths(childId);
  return (
    <section aria-labelledby={`statements-${childId}`} className="section">
      <h2 id={`statements-${childId}`} className="section-title">
        Statements
      </h2>
      {months.isPending ? (
        <p className="muted" role="status">
          Loading statements…
        </p>
      ) : months.isError ? (
        <Alert>{errorMessage(months.error)}</Alert>
      ) : months.data.length === 0 ? (
        <p className="empty-state">No statements yet.</p>
      ) : (
        <Table caption="Statements" captionHidden>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Balance at month end</th>
              <th scope="col">Download</th>
            </tr>
          </thead>
          <tbody className="table-stack">
            {months.data.map((month) => (
              <tr key={month.month}>
                <th scope="row">{formatMonth(month.month)}</th>
                <td data-label="Balance">{formatMoney(month.closing)}</td>
                <td data-label="Download">
                  <PdfButton
                    path={statementPdfPath(childId, month.month)}
                    filename={`statement-${month.month}.pdf`}
                    label={`Statement ${formatMonth(month.month)} as PDF`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

const STATUS_TONES = { draft: 'info', issued: 'success', void: 'muted' } as const;

/** The family's invoices and credit notes; admins issue drafts and void invoices. */
export function InvoicesSection({ childId, admin }: { childId: string; admin: boolean }) {
  const invoices = useInvoices(childId);
  const issue = useIssueInvoice();
  const [voiding, setVoiding] = useState<Invoice | null>(null);
  const [crediting, setCrediting] = useState<Invoice | null>(null);
  const [drafting, setDrafting] = useState(false);
  return (
    <section aria-labelledby={`invoices-${childId}`} className="section">
      <div className="toolbar">
        <h2 id={`invoices-${childId}`} className="section-title">
          Invoices
        </h2>
        {admin && (
          <Button variant="secondary" onClick={() => setDrafting(true)}>
            Draft invoice
          </Button>
        )}
      </div>
      {issue.isError && <Alert>{errorMessage(issue.error)}</Alert>}
      {invoices.isPending ? (
        <p className="muted" role="status">
          Loading invoices…
        </p>
      ) : invoices.isError ? (
        <Alert>{errorMessage(invoices.error)}</Alert>
      ) : invoices.data.content.length === 0 ? (
        <p className="empty-state">No invoices.</p>
      ) : (
        <Table caption="Invoices" captionHidden>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Status</th>
              <th scope="col">Issued</th>
              <th scope="col">Total</th>
              <th scope="col">Open</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody className="table-stack">
            {invoices.data.content.map((invoice) => {
              const name = `${invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice'} ${invoice.number ?? '(draft)'}`;
              return (
                <tr key={invoice.id}>
                  <th scope="row">{name}</th>
                  <td data-label="Status">
                    <Badge tone={STATUS_TONES[invoice.status]}>{invoice.status}</Badge>
                  </td>
                  <td data-label="Issued">{invoice.issuedOn ? formatDay(invoice.issuedOn) : '—'}</td>
                  <td data-label="Total">{formatMoney(invoice.total)}</td>
                  <td data-label="Open">{invoice.status === 'issued' ? formatMoney(invoice.open) : '—'}</td>
                  <td data-label="Actions" className="cell-actions">
                    <PdfButton path={invoicePdfPath(invoice.id)} filename="invoice.pdf" label={`${name} as PDF`} />
                    {admin && invoice.status === 'draft' && (
                      <Button
                        pending={issue.isPending && issue.variables === invoice.id}
                        onClick={() => issue.mutate(invoice.id)}
                        aria-label={`Issue ${name}`}
                      >
                        Issue
                      </Button>
                    )}
                    {admin && invoice.kind === 'invoice' && invoice.status === 'issued' && Number(invoice.open) > 0 && (
                      <Button
                        variant="secondary"
                        onClick={() => setCrediting(invoice)}
                        aria-label={`Credit note on ${name}`}
                      >
                        Credit note
                      </Button>
                    )}
                    {admin && invoice.kind === 'invoice' && invoice.status !== 'void' && (
                      <Button variant="danger" onClick={() => setVoiding(invoice)} aria-label={`Void ${name}`}>
                        Void
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {admin && <VoidInvoiceDialog invoice={voiding} onClose={() => setVoiding(null)} />}
      {admin && <CreditNoteDialog invoice={crediting} onClose={() => setCrediting(null)} />}
      {admin && <InvoiceDialog childId={childId} open={drafting} onClose={() => setDrafting(false)} />}
    </section>
  );
}

/** The family's payments; admins refund them. */
export function PaymentsSection({ childId, admin }: { childId: string; admin: boolean }) {
  const payments = usePayments(childId);
  const [refunding, setRefunding] = useState<FamilyPayment | null>(null);
  return (
    <section aria-labelledby={`payments-${childId}`} className="section">
      <h2 id={`payments-${childId}`} className="section-title">
        Payments
      </h2>
      {payments.isPending ? (
        <p className="muted" role="status">
          Loading payments…
        </p>
      ) : payments.isError ? (
        <Alert>{errorMessage(payments.error)}</Alert>
      ) : payments.data.content.length === 0 ? (
        <p className="empty-state">No payments recorded.</p>
      ) : (
        <Table caption="Payments" captionHidden>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Method</th>
              <th scope="col">Amount</th>
              <th scope="col">Refunded</th>
              {admin && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody className="table-stack">
            {payments.data.content.map((payment) => (
              <tr key={payment.id}>
                <th scope="row">{formatDay(payment.receivedOn)}</th>
                <td data-label="Method">
                  {PAYMENT_METHOD_LABELS[payment.method]}
                  {payment.reference && <span className="cell-email">Ref. {payment.reference}</span>}
                </td>
                <td data-label="Amount">{formatMoney(payment.amount)}</td>
                <td data-label="Refunded">{Number(payment.refunded) > 0 ? formatMoney(payment.refunded) : '—'}</td>
                {admin && (
                  <td data-label="Actions">
                    {!payment.reversed && Number(payment.amount) > Number(payment.refunded) && (
                      <Button
                        variant="secondary"
                        onClick={() => setRefunding(payment)}
                        aria-label={`Refund the payment of ${formatMoney(payment.amount)} received ${formatDay(payment.receivedOn)}`}
                      >
                        Refund
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {admin && <RefundDialog payment={refunding} onClose={() => setRefunding(null)} />}
    </section>
  );
}
