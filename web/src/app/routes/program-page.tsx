import { Link, useNavigate, useParams } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { useChild } from '../../features/children/api/get-child';
import { childAccess, childName } from '../../features/children/api/child-types';
import { useProgram } from '../../features/programs/api/get-program';
import { ProgramEditor } from '../../features/programs/components/program-editor';
import { useAuth } from '../../lib/auth';
import { RecordStatus } from './record-status';

export function ProgramPage() {
  const { id } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const program = useProgram(id);
  const child = useChild(program.data?.childId);
  if (!program.data) return <RecordStatus error={program.error} noun="program" />;
  if (!child.data) return <RecordStatus error={child.error} noun="child" />;

  const access = childAccess(child.data, user);
  const childPath = `/children/${child.data.id}`;
  return (
    <Page
      title={program.data.name}
      documentTitle="Program"
      lead={
        <p>
          Program for <Link to={childPath}>{childName(child.data)}</Link>
        </p>
      }
    >
      <ProgramEditor
        program={program.data}
        canEdit={access.canAdmin || access.isSupervisor}
        onArchived={() => navigate(childPath)}
      />
    </Page>
  );
}
