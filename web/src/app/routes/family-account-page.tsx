import { useParams } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { FamilyAccountScreen } from '../../features/billing/components/ledger-family-account-screen';

export function FamilyAccountPage() {
  const { id = '' } = useParams();
  return (
    <Page
      title="Family account"
      lead={<p>Payments, refunds, adjustments, reversals, invoices, credit notes and statements of one family.</p>}
    >
      <FamilyAccountScreen childId={id} />
    </Page>
  );
}
