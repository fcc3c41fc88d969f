import { Page } from '../../components/ui/page';
import { ClinicPaymentsScreen } from '../../features/billing/components/payments-clinic-screen';

export function PaymentsPage() {
  return (
    <Page title="Payments" lead={<p>Every family's payments, the latest received first.</p>}>
      <ClinicPaymentsScreen />
    </Page>
  );
}
