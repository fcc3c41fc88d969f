import { Link, useParams } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { useChild } from '../../features/children/api/get-child';
import { childName } from '../../features/children/api/child-types';
import { ChildSessions } from '../../features/sessions/components/child-sessions';
import { RecordStatus } from './record-status';

export function ChildSessionsPage() {
  const { id } = useParams();
  const child = useChild(id);
  if (!child.data) return <RecordStatus error={child.error} noun="child" />;
  return (
    <Page
      title={`Sessions of ${childName(child.data)}`}
      documentTitle="Sessions"
      lead={
        <p>
          <Link to={`/children/${child.data.id}`}>Back to the child’s record</Link>
          <Link to={`/children/${child.data.id}/progress`}>Progress graphs</Link>
        </p>
      }
    >
      <ChildSessions childId={child.data.id} />
    </Page>
  );
}
