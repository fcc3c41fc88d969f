import { Page } from '../../components/ui/page';
import { AuditScreen } from '../../features/audit/components/audit-screen';

export function AuditPage() {
  return (
    <Page title="Audit log" lead={<p>Who opened or changed which record, when and from where.</p>}>
      <AuditScreen />
    </Page>
  );
}
