import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { SCOPE_LABELS } from '../api/appointment-types';
import { CHANGE_REQUEST_STATUS_LABELS, type ChangeRequest } from '../api/change-request-types';
import { isPayerRefusal, type PayerWarning } from '../api/payer-warnings';
import { useDecideChangeRequest } from '../api/decide-change-request';
import { useChangeRequests } from '../api/list-change-requests';
import { PayerRefusal } from './payer-warnings';
import { ConflictList, isConflictError, isOverridable } from './conflict-list';
import { formatLongDay, formatTimeRange } from './schedule-math';

/** Approving: an override of the therapist's availability needs a reason (asked for once the server offered it). */
const approveSchema = z.object({ override: z.boolean(), overrideReason: z.string().trim() });
type ApproveForm = z.infer<typeof approveSchema>;

const declineSchema = z.object({ reason: z.string().trim().min(1, 'Say why, for the therapist') });
type DeclineForm = z.infer<typeof declineSchema>;

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
  onNotice: (message: string, warnings?: PayerWarning[]) => void;
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
  onNotice: (message: string, warnings?: PayerWarning[]) => void;
}) {
  const decide = useDecideChangeRequest();
  const [declining, setDeclining] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ApproveForm>({
    resolver: zodResolver(approveSchema),
    defaultValues: { override: false, overrideReason: '' },
  });
  const override = useWatch({ control, name: 'override' });
  const conflict = isConflictError(decide.error) ? decide.error : null;
  const overridable = conflict !== null && isOverridable(conflict);
  const pending = request.status === 'pending';

  const approve = handleSubmit(({ override, overrideReason }) => {
    const overriding = override && overridable;
    if (overriding && !overrideReason) {
      setError(
        'overrideReason',
        { type: 'required', message: 'Give a reason for the override' },
        { shouldFocus: true },
      );
      return;
    }
    decide.mutate(
      { request, decision: { kind: 'approve', ...(overriding ? { overrideReason } : {}) } },
      { onSuccess: (approved) => onNotice(`The appointment with ${childName} was moved.`, approved.warnings) },
    );
  });

  const decline = (reason: string) =>
    decide.mutate(
      { request, decision: { kind: 'decline', reason } },
      { onSuccess: () => onNotice(`The change for ${childName} was declined.`) },
    );

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
      {isPayerRefusal(decide.error) && <PayerRefusal error={decide.error} />}
      {!conflict && !isPayerRefusal(decide.error) && <FormErrorAlert error={decide.error} />}
      {mode === 'admin' && pending && overridable && (
        <div className="field field-checkbox">
          <input id={`override-${request.id}`} type="checkbox" className="checkbox" {...register('override')} />
          <label htmlFor={`override-${request.id}`}>Approve anyway (override availability)</label>
        </div>
      )}
      {override && overridable && (
        <TextField
          label="Override reason"
          required
          error={errors.overrideReason?.message}
          {...register('overrideReason')}
        />
      )}
      {mode === 'admin' && pending && declining && (
        <DeclineRequestForm
          childName={childName}
          pending={decide.isPending}
          onDecline={decline}
          onKeepOpen={() => setDeclining(false)}
        />
      )}
      {mode === 'admin' && pending && !declining && (
        <div className="action-bar">
          <Button
            size="sm"
            pending={decide.isPending}
            disabled={request.stale}
            onClick={() => approve()}
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

/** Why the admin declines a proposed change; the therapist reads it. */
function DeclineRequestForm({
  childName,
  pending,
  onDecline,
  onKeepOpen,
}: {
  childName: string;
  pending: boolean;
  onDecline: (reason: string) => void;
  onKeepOpen: () => void;
}) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<DeclineForm>({ resolver: zodResolver(declineSchema), defaultValues: { reason: '' } });
  return (
    <form
      className="form change-request-decline"
      onSubmit={handleSubmit(({ reason }) => onDecline(reason))}
      noValidate
      aria-label={`Decline for ${childName}`}
    >
      <TextField label="Why not" required error={errors.reason?.message} {...register('reason')} />
      <div className="action-bar">
        <Button type="submit" variant="danger" size="sm" pending={pending}>
          Decline
        </Button>
        <Button variant="secondary" size="sm" onClick={onKeepOpen}>
          Keep open
        </Button>
      </div>
    </form>
  );
}
