import { Link } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { ProposalScreen } from '../../features/scheduling/components/proposal-screen';

export function ProposalsPage() {
  return (
    <Page
      title="Automatic schedule"
      lead={
        <p>
          A draft week from the children’s prescribed hours, preferences and the therapists’ availability.{' '}
          <Link to="/schedule">Back to the schedule</Link>
        </p>
      }
    >
      <ProposalScreen />
    </Page>
  );
}
