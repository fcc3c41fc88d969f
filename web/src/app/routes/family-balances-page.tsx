import { Link } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { FamilyBalancesScreen } from '../../features/billing/components/ledger-family-balances-screen';

export function FamilyBalancesPage() {
  return (
    <Page
      title="Family balances"
      lead={
        <p>
          What each family owes or has in credit, summed from its ledger. <Link to="/billing/aging">Aging</Link>
        </p>
      }
    >
      <FamilyBalancesScreen />
    </Page>
  );
}
