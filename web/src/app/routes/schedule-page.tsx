import { Page } from '../../components/ui/page';
import { ScheduleScreen } from '../../features/scheduling/components/schedule-screen';
import { useAuth } from '../../lib/auth';

export function SchedulePage() {
  const { user } = useAuth();
  if (!user) return null;
  return (
    <Page title="Schedule" lead={<p>Appointments by week or day. Select one for its details.</p>}>
      <ScheduleScreen user={user} />
    </Page>
  );
}
