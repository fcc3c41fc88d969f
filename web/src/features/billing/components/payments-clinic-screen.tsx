import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Pagination } from '../../../components/ui/pagination';
import { SelectField } from '../../../components/ui/select-field';
import { Table } from '../../../components/ui/table';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { formatDay } from '../../../lib/dates';
import { useClinicPayments } from '../api/ledger-queries';
import { formatMoney, PAYMENT_METHOD_LABELS, PAYMENTS_METHOD_OPTIONS, type PaymentMethod } from '../api/ledger-types';

const PAGE_SIZE = 20;

/**
 * Every family's payments (admins), the latest received first, filtered by the day received and the method; each
 * names its family and links to the family's account, where it is refunded. A table on wide screens, cards on a
 * phone.
 */
export function ClinicPaymentsScreen() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [method, setMethod] = useState<PaymentMethod | ''>('');
  const [page, setPage] = useState(0);
  const payments = useClinicPayments({
    from: from || undefined,
    to: to || undefined,
    method: method || undefined,
    page,
    size: PAGE_SIZE,
  });
  return (
    <>
      <div className="filters" role="search" aria-label="Filter payments">
        <TextField
          label="Received from"
          type="date"
          value={from}
          onChange={(event) => {
            setFrom(event.target.value);
            setPage(0);
          }}
        />
        <TextField
          label="Received to"
          type="date"
          value={to}
          onChange={(event) => {
            setTo(event.target.value);
            setPage(0);
          }}
        />
        <SelectField
          label="Method"
          placeholder="Any method"
          options={PAYMENTS_METHOD_OPTIONS}
          value={method}
          onChange={(event) => {
            setMethod(event.target.value as PaymentMethod | '');
            setPage(0);
          }}
        />
      </div>
      {payments.isPending ? (
        <p className="muted" role="status">
          Loading payments…
        </p>
      ) : payments.isError ? (
        <Alert>{errorMessage(payments.error)}</Alert>
      ) : payments.data.content.length === 0 ? (
        <p className="empty-state">No payments match.</p>
      ) : (
        <>
          <Table caption="Payments" captionHidden>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Family</th>
                <th scope="col">Method</th>
                <th scope="col">Amount</th>
                <th scope="col">Unallocated</th>
                <th scope="col">Recorded by</th>
              </tr>
            </thead>
            <tbody className="table-stack">
              {payments.data.content.map(({ payment, childName }) => (
                <tr key={payment.id}>
                  <th scope="row">{formatDay(payment.receivedOn)}</th>
                  <td data-label="Family" className="cell-person">
                    <Link to={`/billing/families/${payment.childId}`} className="cell-name">
                      {childName}
                    </Link>
                  </td>
                  <td data-label="Method">
                    {PAYMENT_METHOD_LABELS[payment.method]}
                    {payment.reference && <span className="cell-email">{payment.reference}</span>}
                  </td>
                  <td data-label="Amount">
                    {formatMoney(payment.amount)}
                    {payment.reversed && ' (reversed)'}
                    {Number(payment.refunded) > 0 && ` (${formatMoney(payment.refunded)} refunded)`}
                  </td>
                  <td data-label="Unallocated">{formatMoney(payment.unallocated)}</td>
                  <td data-label="Recorded by">{payment.recordedBy ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          {payments.data.page.totalPages > 1 && (
            <Pagination
              label="Pages of payments"
              page={page}
              totalPages={payments.data.page.totalPages}
              totalElements={payments.data.page.totalElements}
              noun="payments"
              busy={payments.isFetching}
              onPageChange={setPage}
            />
          )}
        </>
      )}
    </>
  );
}
