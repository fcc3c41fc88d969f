import { Link } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { AvailabilityScreen } from '../../features/scheduling/components/availability-screen';

export function AvailabilityPage() {
  return (
    <Page
      title="Availability"
      lead={
        <p>
          When each therapist can be booked, and their time off. <Link to="/schedule">Back to the schedule</Link>
        </p>
      }
    >
      <AvailabilityScreen />
    </Page>
  );
}
