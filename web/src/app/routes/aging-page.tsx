import { Page } from '../../components/ui/page';
import { AgingScreen } from '../../features/billing/components/ledger-aging-screen';

export function AgingPage() {
  return (
    <Page
      title="Aging"
      lead={<p>Accounts receivable by age: what the families owe, and what the insurers owe on open claims.</p>}
    >
      <AgingScreen />
    </Page>
  );
}
