import { Page } from '../../components/ui/page';
import { AgingScreen } from '../../features/billing/components/ledger-aging-screen';

export function AgingPage() {
  return (
    <Page title="Aging" lead={<p>Accounts receivable of the families by age of the open items.</p>}>
      <AgingScreen />
    </Page>
  );
}
