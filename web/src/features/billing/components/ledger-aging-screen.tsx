import { Link, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FilterBar } from '../../../components/ui/paged-results';
import { Table } from '../../../components/ui/table';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { formatDay, isValidDay, toDay } from '../../../lib/dates';
import { useAging, usePayerAging } from '../api/ledger-queries';
import { formatMoney, type AgingRow, type PayerAgingRow } from '../api/ledger-types';

/**
 * Accounts receivable aging (admins): what the families owe by age of their open items, 0–30, 31–60, 61–90 and over
 * 90 days, with credit not yet applied; and what the insurers owe, the open claim balances per payer by days since
 * each claim was submitted (ADR 0028). Both as of one day, today unless `?asOf=2026-11-30` names another, so a
 * month-end aging survives a reload and can be linked.
 */
export function AgingScreen() {
  const [params, setParams] = useSearchParams();
  const chosen = params.get('asOf');
  const asOf = chosen && isValidDay(chosen) ? chosen : undefined;
  const today = toDay(new Date());
  const choose = (day: string | undefined) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (day && day !== today) updated.set('asOf', day);
        else updated.delete('asOf');
        return updated;
      },
      { replace: true },
    );
  return (
    <div className="billing-sections">
      <FilterBar
        label="Aging day"
        actions={
          asOf && (
            <Button variant="secondary" onClick={() => choose(undefined)}>
              Back to today
            </Button>
          )
        }
      >
        <TextField
          label="As of"
          type="date"
          max={today}
          value={asOf ?? today}
          onChange={(event) => choose(isValidDay(event.target.value) ? event.target.value : undefined)}
        />
      </FilterBar>
      <section aria-labelledby="aging-families" className="section">
        <h2 id="aging-families" className="section-title">
          Families
        </h2>
        <FamilyAging asOf={asOf} />
      </section>
      <section aria-labelledby="aging-payers" className="section">
        <h2 id="aging-payers" className="section-title">
          Insurers
        </h2>
        <PayerAgingTable asOf={asOf} />
      </section>
    </div>
  );
}

function FamilyAging({ asOf }: { asOf?: string }) {
  const aging = useAging(asOf);
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
      <p className="muted section-gap">
        As of the end of {formatDay(aging.data.asOf)}, by the day each open item occurred.
        {asOf && ' Items, payments and credits dated after that day do not count.'}
      </p>
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

function PayerAgingTable({ asOf }: { asOf?: string }) {
  const aging = usePayerAging(asOf);
  if (aging.isPending) {
    return (
      <p className="muted" role="status">
        Loading the insurers' aging…
      </p>
    );
  }
  if (aging.isError) return <Alert>{errorMessage(aging.error)}</Alert>;
  return (
    <>
      <p className="muted section-gap">
        As of {formatDay(aging.data.asOf)}, by the day each claim was submitted: billed less what the payer paid and
        adjusted in the remittances received.
      </p>
      {aging.data.payers.length === 0 ? (
        <p className="empty-state">No insurer owes anything.</p>
      ) : (
        <Table caption="Aging by payer" captionHidden>
          <thead>
            <tr>
              <th scope="col">Payer</th>
              <th scope="col">Open claims</th>
              <th scope="col">0–30 days</th>
              <th scope="col">31–60 days</th>
              <th scope="col">61–90 days</th>
              <th scope="col">Over 90 days</th>
              <th scope="col">Balance</th>
            </tr>
          </thead>
          <tbody className="table-stack">
            {aging.data.payers.map((row) => (
              <PayerAgingTableRow key={row.payerId} row={row} />
            ))}
            <PayerAgingTableRow row={aging.data.total} />
          </tbody>
        </Table>
      )}
    </>
  );
}

function PayerAgingTableRow({ row }: { row: PayerAgingRow }) {
  return (
    <tr className={row.payerId ? undefined : 'row-total'}>
      <th scope="row">{row.payerId ? row.payerName : 'Total'}</th>
      <td data-label="Open claims">{row.claims}</td>
      <td data-label="0–30 days">{formatMoney(row.current)}</td>
      <td data-label="31–60 days">{formatMoney(row.days31To60)}</td>
      <td data-label="61–90 days">{formatMoney(row.days61To90)}</td>
      <td data-label="Over 90 days">{formatMoney(row.over90)}</td>
      <td data-label="Balance">{formatMoney(row.balance)}</td>
    </tr>
  );
}
