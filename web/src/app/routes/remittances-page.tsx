import { Link } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { RemittancesScreen } from '../../features/billing/components/remittances-screen';

export function RemittancesPage() {
  return (
    <Page
      title="Remittances"
      lead={
        <p>
          The payers’ payments (835 files): what each claim was paid, denied, and what the family owes.{' '}
          <Link to="/billing/claims">Claims</Link> · <Link to="/billing/families">Family balances</Link>
        </p>
      }
    >
      <RemittancesScreen />
    </Page>
  );
}
