import { Link } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { ChargesScreen } from '../../features/billing/components/charges-screen';

export function ChargesPage() {
  return (
    <Page
      title="Charges"
      lead={
        <p>
          What completed sessions bill, ready for a claim or held with the reasons why.{' '}
          <Link to="/billing/payers">Payers and fees</Link> · <Link to="/billing/settings">Billing settings</Link>
        </p>
      }
    >
      <ChargesScreen />
    </Page>
  );
}
