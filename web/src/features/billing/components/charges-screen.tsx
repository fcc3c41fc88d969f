import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Pagination } from '../../../components/ui/pagination';
import { SelectField } from '../../../components/ui/select-field';
import { Table } from '../../../components/ui/table';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { formatDay } from '../../../lib/dates';
import { serviceLabel } from '../api/authorization-types';
import { useRecheckCharge, useRecheckHeldCharges } from '../api/change-charge';
import {
  CHARGE_STATUS_LABELS,
  CHARGE_STATUS_TONES,
  formatMoney,
  HOLD_FIX_LABELS,
  type Charge,
  type ChargeStatus,
} from '../api/charge-types';
import { useCharges } from '../api/list-charges';
import { usePayers } from '../api/payers';
import { ChargeDetailDialog } from './charge-detail-dialog';
import { ChargeVoidDialog } from './charge-void-dialog';

const PAGE_SIZE = 20;

const TABS: { status: ChargeStatus; label: string; empty: string }[] = [
  { status: 'ready', label: 'Ready', empty: 'No charge is ready to bill.' },
  { status: 'held', label: 'Held', empty: 'No charge is held. Every completed session can be billed.' },
  { status: 'claimed', label: 'Claimed', empty: 'No charge is on a claim or invoice yet.' },
  { status: 'void', label: 'Void', empty: 'No charge was voided.' },
];

/**
 * The admin's charges: one per completed appointment, in tabs by status. A held charge lists every reason it
 * cannot be billed, each with a link to where it is fixed; "Check again" re-runs the claim check after a fix,
 * "Void" takes a charge that will never be billed out, with a reason. A table on wide screens, cards on a phone.
 */
export function ChargesScreen() {
  const [params, setParams] = useSearchParams();
  const status = (TABS.find((tab) => tab.status === params.get('status'))?.status ?? 'held') as ChargeStatus;
  const [payerId, setPayerId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(0);
  const [voiding, setVoiding] = useState<Charge | null>(null);
  const [notice, setNotice] = useState('');
  const opened = params.get('charge');
  const filter = { payerId: payerId || undefined, from: from || undefined, to: to || undefined };
  const charges = useCharges({ status, ...filter, page, size: PAGE_SIZE });
  const ready = useCharges({ status: 'ready', ...filter, page: 0, size: 1 });
  const held = useCharges({ status: 'held', ...filter, page: 0, size: 1 });
  const counts: Partial<Record<ChargeStatus, number | undefined>> = {
    ready: ready.data?.page.totalElements,
    held: held.data?.page.totalElements,
  };
  const payers = usePayers();
  const recheckHeld = useRecheckHeldCharges();
  const recheck = useRecheckCharge();
  const pageInfo = charges.data?.page;

  const choose = (next: ChargeStatus) => {
    setPage(0);
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set('status', next);
      updated.delete('charge');
      return updated;
    });
  };

  const open = (id: string | null) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (id) updated.set('charge', id);
      else updated.delete('charge');
      return updated;
    });

  return (
    <>
      <div className="charge-tabs" role="tablist" aria-label="Charges by status">
        {TABS.map((tab) => (
          <button
            key={tab.status}
            type="button"
            role="tab"
            id={`charges-tab-${tab.status}`}
            aria-selected={tab.status === status}
            aria-controls="charges-panel"
            className="charge-tab"
            onClick={() => choose(tab.status)}
          >
            {counts[tab.status] === undefined ? tab.label : `${tab.label} (${counts[tab.status]})`}
          </button>
        ))}
      </div>
      <div id="charges-panel" role="tabpanel" aria-labelledby={`charges-tab-${status}`}>
        <div className="toolbar">
          <div className="filters charge-filters" role="search" aria-label="Filter charges">
            <SelectField
              label="Payer"
              placeholder="Every payer"
              options={(payers.data ?? []).map((payer) => ({ value: payer.id, label: payer.name }))}
              value={payerId}
              onChange={(event) => {
                setPayerId(event.target.value);
                setPage(0);
              }}
            />
            <TextField
              label="From"
              type="date"
              value={from}
              onChange={(event) => {
                setFrom(event.target.value);
                setPage(0);
              }}
            />
            <TextField
              label="To"
              type="date"
              value={to}
              onChange={(event) => {
                setTo(event.target.value);
                setPage(0);
              }}
            />
          </div>
          {status === 'held' && (
            <Button
              variant="secondary"
              pending={recheckHeld.isPending}
              onClick={() =>
                recheckHeld.mutate(undefined, {
                  onSuccess: (result) =>
                    setNotice(
                      `Checked ${result.checked} held ${result.checked === 1 ? 'charge' : 'charges'}: ${result.ready} ready now, ${result.held} still held.`,
                    ),
                })
              }
            >
              Check held charges again
            </Button>
          )}
        </div>
        <p className="notice-region" role="status">
          {notice}
        </p>
        {recheckHeld.isError && <Alert>{errorMessage(recheckHeld.error)}</Alert>}
        {recheck.isError && <Alert>{errorMessage(recheck.error)}</Alert>}
        {charges.isPending ? (
          <p className="muted" role="status">
            Loading charges…
          </p>
        ) : charges.isError ? (
          <Alert>{errorMessage(charges.error)}</Alert>
        ) : charges.data.content.length === 0 ? (
          <p className="empty-state">{TABS.find((tab) => tab.status === status)?.empty}</p>
        ) : (
          <>
            <ChargesTable
              items={charges.data.content}
              status={status}
              onOpen={(charge) => open(charge.id)}
              onVoid={setVoiding}
              onRecheck={(charge) =>
                recheck.mutate(charge.id, {
                  onSuccess: (checked) =>
                    setNotice(
                      checked.status === 'ready'
                        ? `The charge of ${checked.childName} on ${formatDay(checked.serviceDate)} is ready now.`
                        : `The charge of ${checked.childName} on ${formatDay(checked.serviceDate)} is still held.`,
                    ),
                })
              }
            />
            {(pageInfo?.totalPages ?? 1) > 1 && (
              <Pagination
                label="Pages of charges"
                page={page}
                totalPages={pageInfo?.totalPages ?? 1}
                totalElements={pageInfo?.totalElements ?? 0}
                noun="charges"
                busy={charges.isFetching}
                onPageChange={setPage}
              />
            )}
          </>
        )}
      </div>
      <ChargeVoidDialog
        charge={voiding}
        onClose={() => setVoiding(null)}
        onVoided={(charge) => {
          setVoiding(null);
          setNotice(`The charge of ${charge.childName} on ${formatDay(charge.serviceDate)} was voided.`);
        }}
      />
      <ChargeDetailDialog chargeId={opened} onClose={() => open(null)} />
    </>
  );
}

function ChargesTable({
  items,
  status,
  onOpen,
  onVoid,
  onRecheck,
}: {
  items: Charge[];
  status: ChargeStatus;
  onOpen: (charge: Charge) => void;
  onVoid: (charge: Charge) => void;
  onRecheck: (charge: Charge) => void;
}) {
  const open = status === 'ready' || status === 'held';
  return (
    <Table caption={`${CHARGE_STATUS_LABELS[status]} charges`} captionHidden>
      <thead>
        <tr>
          <th scope="col">Child</th>
          <th scope="col">Date</th>
          <th scope="col">Service and payer</th>
          <th scope="col">Amount</th>
          {status === 'held' && <th scope="col">Why it is held</th>}
          {status === 'void' && <th scope="col">Reason</th>}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="table-stack">
        {items.map((charge) => (
          <tr key={charge.id}>
            <th scope="row" className="cell-person">
              <Link to={`/children/${charge.childId}`} className="cell-name">
                {charge.childName}
              </Link>
              <span className="cell-email">{charge.renderingProviderName}</span>
            </th>
            <td data-label="Date" className="cell-nowrap">
              <button
                type="button"
                className="link-button"
                onClick={() => onOpen(charge)}
                aria-label={`Details of the charge of ${charge.childName} on ${formatDay(charge.serviceDate)}`}
              >
                {formatDay(charge.serviceDate)}
              </button>
            </td>
            <td data-label="Service and payer">
              {serviceLabel(charge.serviceCode)}
              {charge.modifiers.length > 0 && (
                <span className="cell-email">Modifiers {charge.modifiers.join(' ')}</span>
              )}
              <span className="cell-email">{charge.payerName}</span>
            </td>
            <td data-label="Amount" className="cell-nowrap">
              {formatMoney(charge.amount, charge.currency)}
              <span className="cell-email">
                {charge.units} {charge.units === 1 ? 'unit' : 'units'}, {charge.minutes} min
              </span>
            </td>
            {status === 'held' && (
              <td data-label="Why it is held">
                <HoldReasons charge={charge} />
              </td>
            )}
            {status === 'void' && <td data-label="Reason">{charge.voidReason}</td>}
            <td className="cell-actions charge-actions">
              {open && (
                <>
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => onRecheck(charge)}
                    aria-label={`Check the charge of ${charge.childName} on ${formatDay(charge.serviceDate)} again`}
                  >
                    Check again
                  </Button>
                  <Button
                    variant="danger"
                    size="sm"
                    onClick={() => onVoid(charge)}
                    aria-label={`Void the charge of ${charge.childName} on ${formatDay(charge.serviceDate)}`}
                  >
                    Void
                  </Button>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Every reason a charge is held, with a link to where each is fixed. */
export function HoldReasons({ charge }: { charge: Charge }) {
  if (charge.holdReasons.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="hold-reasons" aria-label="Why it is held">
      {charge.holdReasons.map((reason) => (
        <li key={reason.code}>
          <span>{reason.message}</span> <Link to={reason.fix}>{HOLD_FIX_LABELS[reason.code]}</Link>
        </li>
      ))}
    </ul>
  );
}

export function ChargeStatusBadge({ status }: { status: ChargeStatus }) {
  return <Badge tone={CHARGE_STATUS_TONES[status]}>{CHARGE_STATUS_LABELS[status]}</Badge>;
}
