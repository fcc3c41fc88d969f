import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { ApiError, errorMessage } from '../../../lib/api-error';
import { formatDay } from '../../../lib/dates';
import { formatUnits, serviceLabel, type Authorization } from '../api/authorization-types';
import { useDeleteAuthorization } from '../api/delete-authorization';
import { useChildAuthorizations } from '../api/list-child-authorizations';
import { AuthorizationAlertBadge, AuthorizationStatusBadge } from './alert-badge';
import { AuthorizationDialog } from './authorization-dialog';
import { UsageBar } from './usage-bar';

/**
 * A child's insurance authorizations on the child page: per authorization its payer, number, service, dates and how
 * much of it completed and scheduled appointments take. Admins, guardians and supervisors read them; admins
 * (`canEdit`) add, edit and delete. The server refuses technicians (403): then the section shows nothing.
 */
export function AuthorizationsSection({ childId, canEdit }: { childId: string; canEdit: boolean }) {
  const authorizations = useChildAuthorizations(childId);
  const [editing, setEditing] = useState<Authorization | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Authorization | null>(null);
  const [notice, setNotice] = useState('');
  const remove = useDeleteAuthorization();

  if (authorizations.error instanceof ApiError && authorizations.error.status === 403) return null;
  const list = authorizations.data ?? [];

  const closeDelete = () => {
    remove.reset();
    setDeleting(null);
  };

  return (
    <section className="panel" id="authorizations" aria-labelledby="authorizations-heading">
      <div className="section-header">
        <h2 id="authorizations-heading" className="section-title">
          Insurance authorizations
        </h2>
        {canEdit && authorizations.data && (
          <Button variant="secondary" size="sm" onClick={() => setEditing('new')}>
            Add authorization
          </Button>
        )}
      </div>
      <p className="notice-region" role="status">
        {notice}
      </p>
      {authorizations.isPending && <p className="muted">Loading authorizations…</p>}
      {authorizations.isError && <Alert>{errorMessage(authorizations.error)}</Alert>}
      {authorizations.data && list.length === 0 && (
        <p className="muted">
          No authorizations recorded.{canEdit && ' Add the insurer’s authorization to track its units.'}
        </p>
      )}
      {list.length > 0 && (
        <ul className="auth-list" aria-label="Insurance authorizations">
          {list.map((authorization) => (
            <AuthorizationCard
              key={authorization.id}
              authorization={authorization}
              canEdit={canEdit}
              onEdit={() => setEditing(authorization)}
              onDelete={() => setDeleting(authorization)}
            />
          ))}
        </ul>
      )}
      {canEdit && (
        <>
          <AuthorizationDialog
            childId={childId}
            open={editing !== null}
            authorization={editing === 'new' ? null : editing}
            existing={list}
            onClose={() => setEditing(null)}
            onSaved={(saved, created) => {
              setEditing(null);
              setNotice(`Authorization ${saved.authorizationNumber} was ${created ? 'added' : 'saved'}.`);
            }}
          />
          <ConfirmDialog
            open={deleting !== null}
            title="Delete this authorization?"
            description={
              deleting
                ? `Authorization ${deleting.authorizationNumber} (${serviceLabel(deleting.serviceCode)}) is removed. Appointments stay as they are.`
                : ''
            }
            confirmLabel="Delete authorization"
            pending={remove.isPending}
            error={remove.isError ? errorMessage(remove.error) : undefined}
            onClose={closeDelete}
            onConfirm={() => {
              if (!deleting) return;
              remove.mutate(deleting.id, {
                onSuccess: () => {
                  setNotice(`Authorization ${deleting.authorizationNumber} was deleted.`);
                  closeDelete();
                },
              });
            }}
          />
        </>
      )}
    </section>
  );
}

function AuthorizationCard({
  authorization,
  canEdit,
  onEdit,
  onDelete,
}: {
  authorization: Authorization;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const headingId = `authorization-${authorization.id}`;
  return (
    <li className="auth-card" aria-labelledby={headingId}>
      <div className="auth-card-head">
        <h3 id={headingId} className="subsection-title">
          {serviceLabel(authorization.serviceCode)}
        </h3>
        <span className="auth-badges">
          <AuthorizationStatusBadge status={authorization.status} />
          <AuthorizationAlertBadge alert={authorization.alert} />
        </span>
      </div>
      <dl className="details auth-details">
        <div className="detail">
          <dt>Payer</dt>
          <dd>{authorization.payer}</dd>
        </div>
        <div className="detail">
          <dt>Authorization number</dt>
          <dd>{authorization.authorizationNumber}</dd>
        </div>
        <div className="detail">
          <dt>Member ID</dt>
          <dd>{authorization.memberId || '—'}</dd>
        </div>
        <div className="detail">
          <dt>Dates</dt>
          <dd>
            {formatDay(authorization.startDate)} – {formatDay(authorization.endDate)}
          </dd>
        </div>
        <div className="detail">
          <dt>Authorized</dt>
          <dd>{formatUnits(authorization.unitsAuthorized)}</dd>
        </div>
        {authorization.notes && (
          <div className="detail detail-wide">
            <dt>Notes</dt>
            <dd>{authorization.notes}</dd>
          </div>
        )}
      </dl>
      <UsageBar authorization={authorization} />
      {canEdit && (
        <div className="action-bar">
          <Button
            variant="secondary"
            size="sm"
            onClick={onEdit}
            aria-label={`Edit authorization ${authorization.authorizationNumber}`}
          >
            Edit
          </Button>
          <Button
            variant="danger"
            size="sm"
            onClick={onDelete}
            aria-label={`Delete authorization ${authorization.authorizationNumber}`}
          >
            Delete
          </Button>
        </div>
      )}
    </li>
  );
}
