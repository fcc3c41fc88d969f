import { Link, useParams } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { useChild } from '../../features/children/api/get-child';
import { childName } from '../../features/children/api/child-types';
import { ChildHistory } from '../../features/children/components/child-history';
import { RecordStatus } from './record-status';

export function ChildHistoryPage() {
  const { id } = useParams();
  const child = useChild(id);
  if (!child.data) return <RecordStatus error={child.error} noun="child" />;
  return (
    <Page
      title={`History of ${childName(child.data)}`}
      documentTitle="Child history"
      lead={
        <p>
          <Link to={`/children/${child.data.id}`}>Back to the child’s record</Link>
        </p>
      }
    >
      <ChildHistory childId={child.data.id} />
    </Page>
  );
}
