import { HomeGrid } from '../../components/ui/home-section';
import { Page } from '../../components/ui/page';
import { UnreadMessagesSection } from '../../features/messaging/components/unread-messages-section';
import { scheduleChildName, useScheduleChildren } from '../../features/scheduling/api/list-schedule-children';
import { NextSessionSection } from '../../features/scheduling/components/home-sections';
import { useChildNames } from '../../features/scheduling/components/use-names';
import { LatestProgressSection, NotesToSignSection } from '../../features/sessions/components/home-sections';
import { useAuth } from '../../lib/auth';

/** A parent's day: the next session, notes to co-sign, unread messages, and each child's latest progress. */
export function ParentHomePage() {
  const { user } = useAuth();
  const childName = useChildNames();
  const children = useScheduleChildren();
  const childList = (children.data?.content ?? [])
    .filter((child) => child.status === 'active')
    .map((child) => ({ id: child.id, name: scheduleChildName(child) }));
  return (
    <Page title="My family" lead={<p>Welcome, {user?.name}</p>}>
      <HomeGrid>
        <NextSessionSection childName={childName} />
        <NotesToSignSection childName={childName} />
        <UnreadMessagesSection />
        <LatestProgressSection childList={childList} loading={children.isPending} error={children.error} />
      </HomeGrid>
    </Page>
  );
}
