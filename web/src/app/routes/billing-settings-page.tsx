import { Link } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { BillingSettingsScreen } from '../../features/billing/components/billing-settings-screen';

export function BillingSettingsPage() {
  return (
    <Page
      title="Billing settings"
      lead={
        <p>
          <Link to="/billing/charges">Charges</Link> · <Link to="/billing/payers">Payers and fees</Link>
        </p>
      }
    >
      <BillingSettingsScreen />
    </Page>
  );
}
