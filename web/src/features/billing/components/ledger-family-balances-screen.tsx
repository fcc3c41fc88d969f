import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PagedResults } from '../../../components/ui/paged-results';
import { Table } from '../../../components/ui/table';
import { formatDay } from '../../../lib/dates';
import { useFamilyAccounts } from '../api/ledger-queries';
import { formatMoney, type FamilyAccount } from '../api/ledger-types';

const PAGE_SIZE = 20;

/** The admin's list of family balances (every child with ledger entries), by name. */
export function FamilyBalancesScreen() {
  const [page, setPage] = useState(0);
  const accounts = useFamilyAccounts(page, PAGE_SIZE);
  return (
    <PagedResults
      query={accounts}
      noun="families"
      empty="No family has charges or payments yet."
      page={page}
      onPageChange={setPage}
    >
      {(items) => <FamilyBalancesTable items={items} />}
    </PagedResults>
  );
}

function FamilyBalancesTable({ items }: { items: FamilyAccount[] }) {
  return (
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
        {items.map((account) => (
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
  );
}
