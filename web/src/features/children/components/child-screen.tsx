import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { errorMessage } from '../../../lib/api-error';
import { isPreconditionFailed } from '../../../lib/use-precondition-reload';
import { formatAge, formatDay } from '../../../lib/dates';
import { useArchiveChild } from '../api/archive-child';
import { CHILD_SEX_LABELS, formatAddress, type Child, type ChildAccess } from '../api/child-types';
import { useUpdateChild } from '../api/update-child';
import { CareTeamSection } from './care-team-section';
import { ChildStatusBadge } from './child-status-badge';
import { EditChildDialog } from './edit-child-dialog';
import { GuardiansSection } from './guardians-section';
import { PrivacySection } from './privacy-section';

/**
 * One child's record: details, guardians and care team, with the actions the user's access allows.
 * `programs`, `schedule` and `authorizations` are the programs, schedule-preferences and insurance-authorizations
 * sections, which belong to other features and are composed in by the route; `reports` likewise the progress
 * reports section.
 */
export function ChildScreen({
  child,
  access,
  programs,
  schedule,
  authorizations,
  reports,
}: {
  child: Child;
  access: ChildAccess;
  programs?: ReactNode;
  schedule?: ReactNode;
  authorizations?: ReactNode;
  reports?: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [notice, setNotice] = useState('');
  const activate = useUpdateChild();
  const archive = useArchiveChild();
  const canEdit = access.canAdmin || access.isGuardian;
  const archived = child.status === 'archived';

  const closeArchive = () => {
    archive.reset();
    setArchiving(false);
  };

  return (
    <div className="stack-sections stack-wide">
      <div className="action-bar">
        {canEdit && (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {access.canAdmin ? 'Edit details' : 'Edit contacts and health'}
          </Button>
        )}
        {access.canAdmin && child.status === 'intake' && (
          <Button
            pending={activate.isPending}
            onClick={() =>
              activate.mutate(
                { child, changes: { status: 'active' } },
                { onSuccess: () => setNotice('The child is now active.') },
              )
            }
          >
            Activate
          </Button>
        )}
        <Link to={`/children/${child.id}/history`} className="btn btn-secondary">
          History
        </Link>
        <Link to={`/children/${child.id}/sessions`} className="btn btn-secondary">
          Sessions
        </Link>
        <Link to={`/children/${child.id}/progress`} className="btn btn-secondary">
          Progress
        </Link>
        {access.canAdmin && !archived && (
          <Button variant="danger" className="action-end" onClick={() => setArchiving(true)}>
            Archive
          </Button>
        )}
      </div>

      <div aria-live="polite" className="notice-region">
        {notice && <Alert tone="success">{notice}</Alert>}
      </div>
      {activate.isError && (
        <Alert>
          {isPreconditionFailed(activate.error)
            ? 'This record was changed by someone else. It is up to date now; try again.'
            : errorMessage(activate.error)}
        </Alert>
      )}

      <section className="panel" aria-labelledby="details-heading">
        <h2 id="details-heading" className="section-title">
          Details
        </h2>
        <dl className="details">
          <Detail term="Status">
            <ChildStatusBadge status={child.status} />
          </Detail>
          <Detail term="Date of birth">
            {formatDay(child.dateOfBirth)} <span className="muted">({formatAge(child.dateOfBirth)})</span>
          </Detail>
          {child.preferredName && <Detail term="Preferred name">{child.preferredName}</Detail>}
          <Detail term="Intake date">{child.intakeDate ? formatDay(child.intakeDate) : '—'}</Detail>
          <Detail term="School">{child.school || '—'}</Detail>
          <Detail term="Sex">{child.sex ? CHILD_SEX_LABELS[child.sex] : 'Not recorded'}</Detail>
          <Detail term="Home address" wide>
            {child.address ? formatAddress(child.address) : 'Not recorded'}
          </Detail>
          <Detail term="Diagnosis codes">{child.diagnosisCodes.length ? child.diagnosisCodes.join(', ') : '—'}</Detail>
          <Detail term="Allergies" wide>
            {child.allergies || 'None recorded'}
          </Detail>
          <Detail term="Medical notes" wide>
            {child.medicalNotes || 'None recorded'}
          </Detail>
          <Detail term="Emergency contacts" wide>
            {child.emergencyContacts.length === 0 ? (
              'None recorded'
            ) : (
              <ul className="plain-list">
                {child.emergencyContacts.map((contact, index) => (
                  <li key={index}>
                    {contact.name} ({contact.relationship}) · <a href={`tel:${contact.phone}`}>{contact.phone}</a>
                  </li>
                ))}
              </ul>
            )}
          </Detail>
          {(access.canAdmin || child.insurance) && (
            <Detail term="Insurance" wide>
              {child.insurance
                ? `${child.insurance.payer} · member ${child.insurance.memberId}${child.insurance.groupNumber ? ` · group ${child.insurance.groupNumber}` : ''}`
                : '—'}
            </Detail>
          )}
        </dl>
      </section>

      <GuardiansSection child={child} canManage={access.canAdmin && !archived} onNotice={setNotice} />
      <CareTeamSection child={child} canManage={access.canAdmin && !archived} onNotice={setNotice} />
      {programs}
      {schedule}
      {authorizations}
      {reports}
      <PrivacySection child={child} access={access} onNotice={setNotice} />

      {canEdit && (
        <EditChildDialog
          child={child}
          mode={access.canAdmin ? 'admin' : 'guardian'}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setNotice('The changes were saved.');
          }}
        />
      )}
      {access.canAdmin && (
        <ConfirmDialog
          open={archiving}
          title="Archive this child?"
          description="The record leaves the active lists and cannot be changed any more. Nothing is deleted."
          confirmLabel="Archive child"
          pending={archive.isPending}
          error={archive.isError ? errorMessage(archive.error) : undefined}
          onClose={closeArchive}
          onConfirm={() =>
            archive.mutate(child.id, {
              onSuccess: () => {
                closeArchive();
                setNotice('The child was archived.');
              },
            })
          }
        />
      )}
    </div>
  );
}

function Detail({ term, wide = false, children }: { term: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'detail detail-wide' : 'detail'}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
