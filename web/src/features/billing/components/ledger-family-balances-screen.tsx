import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Pagination } from '../../../components/ui/pagination';
import { Table } from '../../../components/ui/table';
import { errorMessage } from '../../../lib/api-error';
import { formatDay } from '../../../lib/dates';
import { useFamilyAccounts } from '../api/ledger-queries';
import { formatMoney } from '../api/ledger-types';

const PAGE_SIZE = 20;

/** The admin's list of family balances (every child with ledger entries), by name. */
export function FamilyBalancesScreen() {
  const [page, setPage] = useState(0);
  const accounts = useFamilyAccounts(page, PAGE_SIZE);
  const pageInfo = accounts.data?.page;
  if (accounts.isPending) {
    return (
      <p className="muted" role="status">
        Loading family balances…
      </p>
    );
  }
  if (accounts.isError) return <Alert>{errorMessage(accounts.error)}</Alert>;
  if (accounts.data.content.length === 0) return <p className="empty-state">No family has charges or payments yet.</p>;
  return (
    <>
      <Table caption="Family balances" captionHidden>
        <thead>
          <tr>
            <th scope="col">Child</th>
            <th scope="col">Balance</th>
            <th scope="col">Oldest open item</th>
            <th scope="col">Last payment</th>
          </tr>
        </thead>
        <tbody className="table-stack">
          {accounts.data.content.map((account) => (
            <tr key={account.childId}>
              <th scope="row" className="cell-person">
                <Link to={`/billing/families/${account.childId}`} className="cell-name">
                  {account.childName}
                </Link>
              </th>
              <td data-label="Balance">
                {formatMoney(account.balance)}
                {Number(account.balance) < 0 && <span className="cell-email">credit</span>}
              </td>
              <td data-label="Oldest open">{account.oldestOpenOn ? formatDay(account.oldestOpenOn) : '—'}</td>
              <td data-label="Last payment">{account.lastPaymentOn ? formatDay(account.lastPaymentOn) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {(pageInfo?.totalPages ?? 1) > 1 && (
        <Pagination
          label="Pages of family balances"
          page={page}
          totalPages={pageInfo?.totalPages ?? 1}
          totalElements={pageInfo?.totalElements ?? 0}
          noun="families"
          busy={accounts.isFetching}
          onPageChange={setPage}
        />
      )}
    </>
  );
}
