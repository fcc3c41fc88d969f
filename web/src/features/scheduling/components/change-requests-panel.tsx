import { useState, type FormEvent } from 'react';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { SCOPE_LABELS } from '../api/appointment-types';
import { CHANGE_REQUEST_STATUS_LABELS, type ChangeRequest } from '../api/change-request-types';
import { useDecideChangeRequest } from '../api/decide-change-request';
import { useChangeRequests } from '../api/list-change-requests';
import { ConflictList, isConflictError, isOverridable } from './conflict-list';
import { formatLongDay, formatTimeRange } from './schedule-math';

function when(start: string, end: string): string {
  const from = new Date(start);
  return `${formatLongDay(from)}, ${formatTimeRange(from, new Date(end))}`;
}

/**
 * Proposed appointment changes. Admins see the pending ones and approve or decline them; a therapist sees their own
 * recent proposals with their outcome and may withdraw a pending one.
 */
export function ChangeRequestsPanel({
  mode,
  childName,
  onNotice,
}: {
  mode: 'admin' | 'therapist';
  childName: (childId: string) => string;
  onNotice: (message: string) => void;
}) {
  const requests = useChangeRequests(mode === 'admin' ? { status: 'pending' } : {});
  const list = requests.data?.content ?? [];
  const title = mode === 'admin' ? 'Change requests' : 'My proposed changes';
  if (mode === 'therapist' && list.length === 0 && !requests.isError) return null;
  return (
    <section className="panel change-requests" aria-labelledby="change-requests-title">
      <h2 id="change-requests-title" className="section-title">
        {title}
        {mode === 'admin' && list.length > 0 && <span className="count-badge"> ({list.length})</span>}
      </h2>
      {requests.isError && <Alert>{errorMessage(requests.error)}</Alert>}
      {requests.data && list.length === 0 && <p className="muted">No changes waiting for a decision.</p>}
      {list.length > 0 && (
        <ul className="change-request-list" aria-label={title}>
          {list.map((request) => (
            <ChangeRequestItem
              key={request.id}
              request={request}
              mode={mode}
              childName={childName(request.childId)}
              onNotice={onNotice}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ChangeRequestItem({
  request,
  mode,
  childName,
  onNotice,
}: {
  request: ChangeRequest;
  mode: 'admin' | 'therapist';
  childName: string;
  onNotice: (message: string) => void;
}) {
  const decide = useDecideChangeRequest();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [error, setError] = useState<string>();
  const conflict = isConflictError(decide.error) ? decide.error : null;
  const overridable = conflict !== null && isOverridable(conflict);
  const pending = request.status === 'pending';

  function approve() {
    const overriding = override && overridable;
    if (overriding && !overrideReason.trim()) return setError('Give a reason for the override');
    setError(undefined);
    decide.mutate(
      { request, decision: { kind: 'approve', ...(overriding ? { overrideReason: overrideReason.trim() } : {}) } },
      { onSuccess: () => onNotice(`The appointment with ${childName} was moved.`) },
    );
  }

  function decline(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setError('Say why, for the therapist');
    setError(undefined);
    decide.mutate(
      { request, decision: { kind: 'decline', reason: reason.trim() } },
      { onSuccess: () => onNotice(`The change for ${childName} was declined.`) },
    );
  }

  return (
    <li className="change-request" aria-label={`${childName}: proposed by ${request.requestedBy.name}`}>
      <div className="change-request-head">
        <strong>{childName}</strong>
        <Badge tone={request.status === 'approved' ? 'success' : request.status === 'pending' ? 'info' : 'muted'}>
          {CHANGE_REQUEST_STATUS_LABELS[request.status]}
        </Badge>
        {request.stale && <Badge tone="muted">Appointment changed since</Badge>}
      </div>
      <dl className="details change-request-details">
        <div className="detail">
          <dt>Now</dt>
          <dd>
            {when(request.appointment.start, request.appointment.end)} with {request.appointment.therapist.name}
          </dd>
        </div>
        <div className="detail">
          <dt>Proposed</dt>
          <dd>
            {when(request.start, request.end)}
            {request.therapist ? ` with ${request.therapist.name}` : ''}
            {request.scope !== 'this' ? ` · ${SCOPE_LABELS[request.scope]}` : ''}
          </dd>
        </div>
        {mode === 'admin' && (
          <div className="detail">
            <dt>By</dt>
            <dd>{request.requestedBy.name}</dd>
          </div>
        )}
        {request.note && (
          <div className="detail detail-wide">
            <dt>Note</dt>
            <dd>{request.note}</dd>
          </div>
        )}
        {request.decisionReason && (
          <div className="detail detail-wide">
            <dt>Reason</dt>
            <dd>{request.decisionReason}</dd>
          </div>
        )}
      </dl>
      {conflict && <ConflictList error={conflict} />}
      {!conflict && <FormErrorAlert error={decide.error} />}
      {mode === 'admin' && pending && overridable && (
        <div className="field field-checkbox">
          <input
            id={`override-${request.id}`}
            type="checkbox"
            className="checkbox"
            checked={override}
            onChange={(event) => setOverride(event.target.checked)}
          />
          <label htmlFor={`override-${request.id}`}>Approve anyway (override availability)</label>
        </div>
      )}
      {override && overridable && (
        <TextField
          label="Override reason"
          required
          value={overrideReason}
          error={error}
          onChange={(event) => setOverrideReason(event.target.value)}
        />
      )}
      {mode === 'admin' && pending && declining && (
        <form
          className="form change-request-decline"
          onSubmit={decline}
          noValidate
          aria-label={`Decline for ${childName}`}
        >
          <TextField
            label="Why not"
            required
            value={reason}
            error={error}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="action-bar">
            <Button type="submit" variant="danger" size="sm" pending={decide.isPending}>
              Decline
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setDeclining(false)}>
              Keep open
            </Button>
          </div>
        </form>
      )}
      {mode === 'admin' && pending && !declining && (
        <div className="action-bar">
          <Button
            size="sm"
            pending={decide.isPending}
            disabled={request.stale}
            onClick={approve}
            aria-label={`Approve the change for ${childName}`}
          >
            Approve
          </Button>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setDeclining(true)}
            aria-label={`Decline the change for ${childName}`}
          >
            Decline…
          </Button>
        </div>
      )}
      {mode === 'therapist' && pending && (
        <div className="action-bar">
          <Button
            size="sm"
            variant="secondary"
            pending={decide.isPending}
            onClick={() =>
              decide.mutate(
                { request, decision: { kind: 'withdraw' } },
                { onSuccess: () => onNotice(`Your change for ${childName} was withdrawn.`) },
              )
            }
            aria-label={`Withdraw the change for ${childName}`}
          >
            Withdraw
          </Button>
        </div>
      )}
    </li>
  );
}
