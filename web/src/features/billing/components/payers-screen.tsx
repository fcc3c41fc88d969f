import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Table } from '../../../components/ui/table';
import { errorMessage } from '../../../lib/api-error';
import { formatDay } from '../../../lib/dates';
import { serviceLabel } from '../api/authorization-types';
import { formatMoney, ROUNDING_RULE_LABELS, type FeeRate, type Payer } from '../api/charge-types';
import { useDeleteRate, usePayers, useRates, useServiceCatalogue } from '../api/payers';
import { PayerDialog } from './payer-dialog';
import { RateDialog } from './rate-dialog';

/**
 * Payers and their fee schedules (admins): private pay and the insurers, each with its rounding rule and modifiers
 * by credential; the chosen payer's rates per service code and date; and the service catalogue, which says who may
 * deliver each code and each payer's modifier and today's rate.
 */
export function PayersScreen() {
  const payers = usePayers();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<Payer | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const chosenId = params.get('payer');
  const chosen = payers.data?.find((payer) => payer.id === chosenId) ?? null;

  const choose = (payer: Payer) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set('payer', payer.id);
      return updated;
    });

  return (
    <div className="billing-sections">
      <div className="toolbar">
        <p className="muted">Rates are per 15-minute unit. A child without a coverage is billed to private pay.</p>
        <Button onClick={() => setEditing('new')}>Add an insurer</Button>
      </div>
      <p className="notice-region" role="status">
        {notice}
      </p>
      {payers.isPending && <p className="muted">Loading payers…</p>}
      {payers.isError && <Alert>{errorMessage(payers.error)}</Alert>}
      {payers.data && (
        <Table caption="Payers" captionHidden>
          <thead>
            <tr>
              <th scope="col">Payer</th>
              <th scope="col">Rounding</th>
              <th scope="col">Modifiers</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="table-stack">
            {payers.data.map((payer) => (
              <tr key={payer.id} aria-current={payer.id === chosenId ? 'true' : undefined}>
                <th scope="row" className="cell-person">
                  <span className="cell-name">{payer.name}</span>
                  <span className="cell-email">
                    {payer.kind === 'private_pay'
                      ? 'Private pay'
                      : `Insurer${payer.x12PayerId ? `, payer ID ${payer.x12PayerId}` : ''}`}
                    {!payer.active && ' · inactive'}
                  </span>
                </th>
                <td data-label="Rounding">{ROUNDING_RULE_LABELS[payer.roundingRule]}</td>
                <td data-label="Modifiers">
                  {Object.entries(payer.modifiers)
                    .map(([credential, modifier]) => `${credential} ${modifier}`)
                    .join(', ') || '—'}
                </td>
                <td className="cell-actions">
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => choose(payer)}
                    aria-label={`Fee schedule of ${payer.name}`}
                  >
                    Fee schedule
                  </Button>
                  <Button variant="ghost" size="sm" onClick={() => setEditing(payer)} aria-label={`Edit ${payer.name}`}>
                    Edit
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {chosen && <FeeSchedule payer={chosen} onNotice={setNotice} />}
      <ServiceCatalogue />
      <PayerDialog
        open={editing !== null}
        payer={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(saved, created) => {
          setEditing(null);
          setNotice(`${saved.name} was ${created ? 'added' : 'saved'}.`);
          if (created) choose(saved);
        }}
      />
    </div>
  );
}

function FeeSchedule({ payer, onNotice }: { payer: Payer; onNotice: (notice: string) => void }) {
  const rates = useRates(payer.id);
  const [editing, setEditing] = useState<FeeRate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<FeeRate | null>(null);
  const remove = useDeleteRate();
  return (
    <section className="panel" aria-labelledby="fee-schedule-heading">
      <div className="section-header">
        <h2 id="fee-schedule-heading" className="section-title">
          Fee schedule of {payer.name}
        </h2>
        <Button variant="secondary" size="sm" onClick={() => setEditing('new')}>
          Add a rate
        </Button>
      </div>
      {rates.isPending && <p className="muted">Loading rates…</p>}
      {rates.isError && <Alert>{errorMessage(rates.error)}</Alert>}
      {rates.data && rates.data.length === 0 && (
        <p className="muted">No rates yet: charges to this payer are held until its fee schedule has one.</p>
      )}
      {rates.data && rates.data.length > 0 && (
        <Table caption={`Fee schedule of ${payer.name}`} captionHidden>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Per unit</th>
              <th scope="col">Dates</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="table-stack">
            {rates.data.map((rate) => (
              <tr key={rate.id}>
                <th scope="row">{serviceLabel(rate.serviceCode)}</th>
                <td data-label="Per unit">{formatMoney(rate.ratePerUnit, rate.currency)}</td>
                <td data-label="Dates">
                  {formatDay(rate.effectiveFrom)} – {rate.effectiveTo ? formatDay(rate.effectiveTo) : 'until changed'}
                </td>
                <td className="cell-actions">
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setEditing(rate)}
                    aria-label={`Change the rate of ${rate.serviceCode} from ${formatDay(rate.effectiveFrom)}`}
                  >
                    Change
                  </Button>
                  <Button
                    variant="danger"
                    size="sm"
                    onClick={() => setDeleting(rate)}
                    aria-label={`Delete the rate of ${rate.serviceCode} from ${formatDay(rate.effectiveFrom)}`}
                  >
                    Delete
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <RateDialog
        payer={payer}
        rate={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          onNotice(`The rate of ${serviceLabel(saved.serviceCode)} was saved.`);
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this rate?"
        description={
          deleting
            ? `${serviceLabel(deleting.serviceCode)} from ${formatDay(deleting.effectiveFrom)}. Open charges are priced again.`
            : ''
        }
        confirmLabel="Delete rate"
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : undefined}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              onNotice('The rate was deleted.');
              setDeleting(null);
            },
          });
        }}
      />
    </section>
  );
}

/** Each service code with who may deliver it and every payer's modifier and today's rate. */
function ServiceCatalogue() {
  const catalogue = useServiceCatalogue();
  return (
    <section className="panel" aria-labelledby="catalogue-heading">
      <h2 id="catalogue-heading" className="section-title">
        Service catalogue
      </h2>
      {catalogue.isPending && <p className="muted">Loading the catalogue…</p>}
      {catalogue.isError && <Alert>{errorMessage(catalogue.error)}</Alert>}
      {catalogue.data && (
        <Table caption="Service catalogue" captionHidden>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Delivered by</th>
              <th scope="col">Payers: modifier and rate today</th>
            </tr>
          </thead>
          <tbody className="table-stack">
            {catalogue.data.map((entry) => (
              <tr key={entry.code}>
                <th scope="row">
                  <span className="cell-name">{serviceLabel(entry.code)}</span>
                  <span className="cell-email">{entry.unitMinutes}-minute units</span>
                </th>
                <td data-label="Delivered by">
                  {entry.deliveredBy.map((credential) => (
                    <Badge key={credential}>{credential}</Badge>
                  ))}
                </td>
                <td data-label="Payers">
                  <ul className="catalogue-terms">
                    {entry.payers.map((terms) => (
                      <li key={terms.payerId}>
                        <strong>{terms.payerName}</strong>:{' '}
                        {terms.modifiers
                          .filter((m) => m.modifier)
                          .map((m) => `${m.credential} ${m.modifier}`)
                          .join(', ') || 'no modifier'}
                        , {terms.currentRate ? `${formatMoney(terms.currentRate, terms.currency)}/unit` : 'no rate'}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
