import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { errorMessage } from '../../../lib/api-error';
import { useArchiveProgram } from '../api/archive-program';
import { describeCriterion } from '../api/program-schema';
import {
  DOMAIN_LABELS,
  KIND_LABELS,
  MEASUREMENT_LABELS,
  PROGRAM_STATUS_LABELS,
  type Program,
} from '../api/program-types';
import { AddTargetForm } from './add-target-form';
import { EditProgramDialog } from './edit-program-dialog';
import { TargetList } from './target-list';

/**
 * One program. Supervisors and admins (`canEdit`) edit it, add, reorder and move targets and archive it;
 * everyone else (technicians, guardians) gets the same information with no controls. Archived programs are
 * read-only for all.
 */
export function ProgramEditor({
  program,
  canEdit: mayEdit,
  onArchived,
}: {
  program: Program;
  canEdit: boolean;
  onArchived: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [notice, setNotice] = useState('');
  const archive = useArchiveProgram();
  const canEdit = mayEdit && program.status !== 'archived';
  const closeArchive = () => {
    archive.reset();
    setArchiving(false);
  };

  return (
    <div className="stack-sections stack-wide">
      {canEdit && (
        <div className="action-bar">
          <Button variant="secondary" onClick={() => setEditing(true)}>
            Edit program
          </Button>
          <Button variant="danger" className="action-end" onClick={() => setArchiving(true)}>
            Archive program
          </Button>
        </div>
      )}
      <div aria-live="polite" className="notice-region">
        {notice && <Alert tone="success">{notice}</Alert>}
      </div>

      <section className="panel" aria-labelledby="program-details-heading">
        <h2 id="program-details-heading" className="section-title">
          About this program
        </h2>
        <dl className="details">
          <div className="detail">
            <dt>Status</dt>
            <dd>
              <Badge tone={program.status === 'active' ? 'success' : 'muted'}>
                {PROGRAM_STATUS_LABELS[program.status]}
              </Badge>
            </dd>
          </div>
          <div className="detail">
            <dt>Domain</dt>
            <dd>{DOMAIN_LABELS[program.domain]}</dd>
          </div>
          <div className="detail">
            <dt>Kind</dt>
            <dd>{KIND_LABELS[program.kind]}</dd>
          </div>
          <div className="detail">
            <dt>Measurement</dt>
            <dd>{MEASUREMENT_LABELS[program.measurement]}</dd>
          </div>
          <div className="detail detail-wide">
            <dt>Objective</dt>
            <dd>{program.objective || '—'}</dd>
          </div>
          <div className="detail detail-wide">
            <dt>Mastery criterion</dt>
            <dd>{describeCriterion(program.masteryCriterion)}</dd>
          </div>
        </dl>
      </section>

      <section className="panel" aria-labelledby="targets-heading">
        <h2 id="targets-heading" className="section-title">
          Targets
        </h2>
        <TargetList program={program} canEdit={canEdit} />
        {canEdit && <AddTargetForm programId={program.id} onAdded={(name) => setNotice(`${name} was added.`)} />}
      </section>

      {canEdit && (
        <>
          <EditProgramDialog
            program={program}
            open={editing}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setNotice('The program was saved.');
            }}
          />
          <ConfirmDialog
            open={archiving}
            title="Archive this program?"
            description="It leaves the child’s active programs and can no longer be changed. Its data stays."
            confirmLabel="Archive program"
            pending={archive.isPending}
            error={archive.isError ? errorMessage(archive.error) : undefined}
            onClose={closeArchive}
            onConfirm={() =>
              archive.mutate(program.id, {
                onSuccess: () => {
                  closeArchive();
                  onArchived();
                },
              })
            }
          />
        </>
      )}
    </div>
  );
}
