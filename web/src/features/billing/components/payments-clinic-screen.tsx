import { Link } from 'react-router-dom';
import { FilterBar, PagedResults } from '../../../components/ui/paged-results';
import { SelectField } from '../../../components/ui/select-field';
import { Table } from '../../../components/ui/table';
import { TextField } from '../../../components/ui/text-field';
import { formatDay } from '../../../lib/dates';
import { useListFilters } from '../../../lib/use-list-filters';
import { useClinicPayments } from '../api/ledger-queries';
import {
  formatMoney,
  PAYMENT_METHOD_LABELS,
  PAYMENTS_METHOD_OPTIONS,
  type ClinicPayment,
  type PaymentMethod,
} from '../api/ledger-types';

const PAGE_SIZE = 20;

/**
 * Every family's payments (admins), the latest received first, filtered by the day received and the method; each
 * names its family and links to the family's account, where it is refunded. A table on wide screens, cards on a
 * phone.
 */
export function ClinicPaymentsScreen() {
  const { filters, setFilter, page, setPage } = useListFilters({ from: '', to: '', method: '' as PaymentMethod | '' });
  const payments = useClinicPayments({
    from: filters.from || undefined,
    to: filters.to || undefined,
    method: filters.method || undefined,
    page,
    size: PAGE_SIZE,
  });
  return (
    <>
      <FilterBar label="Filter payments">
        <TextField
          label="Received from"
          type="date"
          value={filters.from}
          onChange={(event) => setFilter('from', event.target.value)}
        />
        <TextField
          label="Received to"
          type="date"
          value={filters.to}
          onChange={(event) => setFilter('to', event.target.value)}
        />
        <SelectField
          label="Method"
          placeholder="Any method"
          options={PAYMENTS_METHOD_OPTIONS}
          value={filters.method}
          onChange={(event) => setFilter('method', event.target.value as PaymentMethod | '')}
        />
      </FilterBar>
      <PagedResults query={payments} noun="payments" empty="No payments match." page={page} onPageChange={setPage}>
        {(items) => <ClinicPaymentsTable items={items} />}
      </PagedResults>
    </>
  );
}

function ClinicPaymentsTable({ items }: { items: ClinicPayment[] }) {
  return (
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
        {items.map(({ payment, childName }) => (
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
  );
}
