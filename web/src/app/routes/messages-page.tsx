import { Page } from '../../components/ui/page';
import { Inbox } from '../../features/messaging/components/inbox';
import type { Role } from '../../lib/api-types';
import { useAuth } from '../../lib/auth';

const LEADS: Record<Role, string> = {
  admin: 'Conversations with staff and your announcements. Open a child’s conversation from the child’s page.',
  therapist: 'Your caseload’s families, other staff and the clinic’s announcements.',
  parent: 'Your children’s care teams and the clinic’s announcements.',
};

export function MessagesPage() {
  const { user } = useAuth();
  if (!user) return null;
  return (
    <Page title="Messages" lead={<p>{LEADS[user.role]}</p>}>
      <Inbox role={user.role} />
    </Page>
  );
}
