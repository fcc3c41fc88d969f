import { Link } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { PayersScreen } from '../../features/billing/components/payers-screen';

export function PayersPage() {
  return (
    <Page
      title="Payers and fees"
      lead={
        <p>
          <Link to="/billing/charges">Charges</Link> · <Link to="/billing/settings">Billing settings</Link>
        </p>
      }
    >
      <PayersScreen />
    </Page>
  );
}
