import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { errorMessage } from '../../../lib/api-error';
import { useChildPrograms } from '../api/list-child-programs';
import { DOMAIN_LABELS, PROGRAM_STATUS_LABELS, type Program } from '../api/program-types';
import { CreateProgramDialog } from './create-program-dialog';
import { PhaseBadge } from './phase-badge';

/** The child's programs with each target's phase; supervisors and admins start new ones. */
export function ChildPrograms({ childId, canWrite }: { childId: string; canWrite: boolean }) {
  const [creating, setCreating] = useState(false);
  const programs = useChildPrograms(childId);
  const navigate = useNavigate();

  return (
    <section className="panel" aria-labelledby="programs-heading">
      <div className="section-header">
        <h2 id="programs-heading" className="section-title">
          Programs
        </h2>
        {canWrite && (
          <Button variant="secondary" size="sm" onClick={() => setCreating(true)}>
            New program
          </Button>
        )}
      </div>
      {programs.isPending ? (
        <p className="muted" role="status">
          Loading programs…
        </p>
      ) : programs.isError ? (
        <Alert>{errorMessage(programs.error)}</Alert>
      ) : programs.data.content.length === 0 ? (
        <p className="muted">No programs yet.</p>
      ) : (
        <ul className="program-list">
          {programs.data.content.map((program) => (
            <ProgramItem key={program.id} program={program} />
          ))}
        </ul>
      )}
      {canWrite && (
        <CreateProgramDialog
          childId={childId}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(program) => {
            setCreating(false);
            navigate(`/programs/${program.id}`);
          }}
        />
      )}
    </section>
  );
}

function ProgramItem({ program }: { program: Program }) {
  return (
    <li className="program-item">
      <div className="program-item-header">
        <h3 className="program-item-title">
          <Link to={`/programs/${program.id}`}>{program.name}</Link>
        </h3>
        <span className="muted">{DOMAIN_LABELS[program.domain]}</span>
        <Badge tone={program.status === 'active' ? 'success' : 'muted'}>{PROGRAM_STATUS_LABELS[program.status]}</Badge>
      </div>
      {program.targets.length === 0 ? (
        <p className="muted">No targets yet.</p>
      ) : (
        <ul className="target-chips" aria-label={`Targets of ${program.name}`}>
          {program.targets.map((target) => (
            <li key={target.id}>
              {target.name} <PhaseBadge phase={target.phase} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
