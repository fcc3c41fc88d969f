import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime, formatDay } from '../../../lib/dates';
import { serviceLabel } from '../api/authorization-types';
import { formatMoney, PLACE_OF_SERVICE_LABELS } from '../api/charge-types';
import { useCharge } from '../api/get-charge';
import { ChargeStatusBadge, HoldReasons } from './charges-screen';

/** Everything a charge bills with: the service, price, providers, place, diagnoses, authorization and status. */
export function ChargeDetailDialog({ chargeId, onClose }: { chargeId: string | null; onClose: () => void }) {
  const charge = useCharge(chargeId);
  return (
    <Dialog open={chargeId !== null} onClose={onClose} title="Charge" size="wide">
      {charge.isPending && <p className="muted">Loading the charge…</p>}
      {charge.isError && <Alert>{errorMessage(charge.error)}</Alert>}
      {charge.data && (
        <>
          <dl className="details">
            <div className="detail">
              <dt>Child</dt>
              <dd>
                <Link to={`/children/${charge.data.childId}`}>{charge.data.childName}</Link>
              </dd>
            </div>
            <div className="detail">
              <dt>Status</dt>
              <dd>
                <ChargeStatusBadge status={charge.data.status} />
              </dd>
            </div>
            <div className="detail">
              <dt>Service</dt>
              <dd>
                {serviceLabel(charge.data.serviceCode)}
                {charge.data.modifiers.length > 0 && ` · ${charge.data.modifiers.join(' ')}`}
              </dd>
            </div>
            <div className="detail">
              <dt>When</dt>
              <dd>
                {formatDay(charge.data.serviceDate)}, {formatDateTime(charge.data.startsAt)} –{' '}
                {formatDateTime(charge.data.endsAt)}
              </dd>
            </div>
            <div className="detail">
              <dt>Units</dt>
              <dd>
                {charge.data.units} ({charge.data.minutes} min)
              </dd>
            </div>
            <div className="detail">
              <dt>Amount</dt>
              <dd>
                {formatMoney(charge.data.amount, charge.data.currency)} ({charge.data.units} ×{' '}
                {formatMoney(charge.data.unitRate, charge.data.currency)})
              </dd>
            </div>
            <div className="detail">
              <dt>Payer</dt>
              <dd>{charge.data.payerName}</dd>
            </div>
            <div className="detail">
              <dt>Place of service</dt>
              <dd>{PLACE_OF_SERVICE_LABELS[charge.data.placeOfService] ?? charge.data.placeOfService}</dd>
            </div>
            <div className="detail">
              <dt>Rendering provider</dt>
              <dd>{charge.data.renderingProviderName}</dd>
            </div>
            <div className="detail">
              <dt>Supervising provider</dt>
              <dd>{charge.data.supervisingProviderName ?? '—'}</dd>
            </div>
            <div className="detail">
              <dt>Diagnoses</dt>
              <dd>{charge.data.diagnosisCodes.join(', ') || '—'}</dd>
            </div>
            <div className="detail">
              <dt>Authorization</dt>
              <dd>{charge.data.authorizationNumber ?? '—'}</dd>
            </div>
            {charge.data.voidReason && (
              <div className="detail detail-wide">
                <dt>Void reason</dt>
                <dd>{charge.data.voidReason}</dd>
              </div>
            )}
          </dl>
          {charge.data.holdReasons.length > 0 && (
            <>
              <h3 className="subsection-title">Why it is held</h3>
              <HoldReasons charge={charge.data} />
            </>
          )}
        </>
      )}
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
