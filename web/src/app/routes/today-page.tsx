import { Page } from '../../components/ui/page';
import { TodayList } from '../../features/scheduling/components/today-list';
import { useAuth } from '../../lib/auth';

export function TodayPage() {
  const { user } = useAuth();
  if (!user) return null;
  return (
    <Page
      title="Today’s sessions"
      lead={<p>{new Date().toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })}</p>}
    >
      <TodayList therapistId={user.id} />
    </Page>
  );
}
