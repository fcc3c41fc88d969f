import { Page } from '../../components/ui/page';
import { ParentBillingScreen } from '../../features/billing/components/ledger-parent-billing-screen';

export function BillingPage() {
  return (
    <Page title="Billing" lead={<p>Your family's balance, statements, invoices and payments.</p>}>
      <ParentBillingScreen />
    </Page>
  );
}
