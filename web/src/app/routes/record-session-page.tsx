import { Link, useParams } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { RecordSession } from '../../features/sessions/components/record-session';
import { useAuth } from '../../lib/auth';

export function RecordSessionPage() {
  const { id } = useParams();
  const { identity } = useAuth();
  if (!identity || !id) return null;
  return (
    <Page
      title="Session"
      documentTitle="Recording a session"
      lead={
        <p>
          <Link to="/sessions/run">All sessions on this device</Link>
        </p>
      }
    >
      <RecordSession key={id} sessionId={id} therapistName={identity.name} userId={identity.id} />
    </Page>
  );
}
