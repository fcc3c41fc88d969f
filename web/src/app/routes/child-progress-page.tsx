import { Link, useParams } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { useChild } from '../../features/children/api/get-child';
import { childName } from '../../features/children/api/child-types';
import { ProgressScreen } from '../../features/sessions/components/progress-screen';
import { RecordStatus } from './record-status';

export function ChildProgressPage() {
  const { id } = useParams();
  const child = useChild(id);
  if (!child.data) return <RecordStatus error={child.error} noun="child" />;
  return (
    <Page
      title={`Progress of ${childName(child.data)}`}
      documentTitle="Progress"
      lead={
        <p>
          <Link to={`/children/${child.data.id}`}>Back to the child’s record</Link>
          <Link to={`/children/${child.data.id}/sessions`}>Sessions</Link>
        </p>
      }
    >
      <ProgressScreen childId={child.data.id} />
    </Page>
  );
}
