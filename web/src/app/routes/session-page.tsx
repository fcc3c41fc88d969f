import { Link, useParams } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { useChild } from '../../features/children/api/get-child';
import { childName } from '../../features/children/api/child-types';
import { useSession } from '../../features/sessions/api/get-session';
import { SessionDetail } from '../../features/sessions/components/session-detail';
import { useAuth } from '../../lib/auth';
import { formatDateTime } from '../../lib/dates';
import { RecordStatus } from './record-status';

export function SessionPage() {
  const { id } = useParams();
  const { user } = useAuth();
  const session = useSession(id);
  const child = useChild(session.data?.childId);
  if (!session.data) return <RecordStatus error={session.error} noun="session" />;

  const onCareTeam = child.data?.careTeam.some((member) => member.userId === user?.id) ?? false;
  const canSign = child.data?.guardians.some((guardian) => guardian.userId === user?.id && guardian.canSign) ?? false;
  return (
    <Page
      title={`Session of ${formatDateTime(session.data.startedAt)}`}
      documentTitle="Session"
      lead={
        child.data && (
          <p>
            <Link to={`/children/${child.data.id}/sessions`}>Sessions of {childName(child.data)}</Link>
          </p>
        )
      }
    >
      <SessionDetail
        session={session.data}
        canAddAddendum={user?.role === 'therapist' && onCareTeam}
        canCoSign={user?.role === 'parent' && canSign}
      />
    </Page>
  );
}
