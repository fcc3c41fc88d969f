import { Link } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { ClaimsScreen } from '../../features/billing/components/claims-screen';

export function ClaimsPage() {
  return (
    <Page
      title="Claims"
      lead={
        <p>
          Insurance claims in batches: the 837P file for the clearinghouse, CMS-1500 forms, corrections.{' '}
          <Link to="/billing/remittances">Remittances</Link> · <Link to="/billing/charges">Charges</Link>
        </p>
      }
    >
      <ClaimsScreen />
    </Page>
  );
}
