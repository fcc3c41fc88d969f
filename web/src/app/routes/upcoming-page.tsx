import { Page } from '../../components/ui/page';
import { UpcomingList } from '../../features/scheduling/components/upcoming-list';

export function UpcomingPage() {
  return (
    <Page title="Upcoming sessions" lead={<p>Your children’s sessions in the next four weeks.</p>}>
      <UpcomingList />
    </Page>
  );
}
