import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Table } from '../../../components/ui/table';
import { errorMessage } from '../../../lib/api-error';
import { formatDay } from '../../../lib/dates';
import { useAging } from '../api/ledger-queries';
import { formatMoney, type AgingRow } from '../api/ledger-types';

/**
 * Accounts receivable aging of the families (admins): what is open by age, 0–30, 31–60, 61–90 and over 90 days, and
 * credit not yet applied. Aging per insurance payer needs the claims module (ADR 0028).
 */
export function AgingScreen() {
  const aging = useAging();
  if (aging.isPending) {
    return (
      <p className="muted" role="status">
        Loading aging…
      </p>
    );
  }
  if (aging.isError) return <Alert>{errorMessage(aging.error)}</Alert>;
  return (
    <>
      <p className="muted">As of {formatDay(aging.data.asOf)}, family balances only.</p>
      {aging.data.families.length === 0 ? (
        <p className="empty-state">No family owes anything.</p>
      ) : (
        <Table caption="Aging by family" captionHidden>
          <thead>
            <tr>
              <th scope="col">Child</th>
              <th scope="col">0–30 days</th>
              <th scope="col">31–60 days</th>
              <th scope="col">61–90 days</th>
              <th scope="col">Over 90 days</th>
              <th scope="col">Unapplied credit</th>
              <th scope="col">Balance</th>
            </tr>
          </thead>
          <tbody className="table-stack">
            {aging.data.families.map((row) => (
              <AgingTableRow key={row.childId} row={row} />
            ))}
            <AgingTableRow row={aging.data.total} />
          </tbody>
        </Table>
      )}
    </>
  );
}

function AgingTableRow({ row }: { row: AgingRow }) {
  return (
    <tr className={row.childId ? undefined : 'row-total'}>
      <th scope="row" className="cell-person">
        {row.childId ? (
          <Link to={`/billing/families/${row.childId}`} className="cell-name">
            {row.childName}
          </Link>
        ) : (
          'Total'
        )}
      </th>
      <td data-label="0–30 days">{formatMoney(row.current)}</td>
      <td data-label="31–60 days">{formatMoney(row.days31To60)}</td>
      <td data-label="61–90 days">{formatMoney(row.days61To90)}</td>
      <td data-label="Over 90 days">{formatMoney(row.over90)}</td>
      <td data-label="Unapplied credit">{formatMoney(row.unappliedCredit)}</td>
      <td data-label="Balance">{formatMoney(row.balance)}</td>
    </tr>
  );
}
