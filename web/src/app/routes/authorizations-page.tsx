import { Page } from '../../components/ui/page';
import { AuthorizationsScreen } from '../../features/billing/components/authorizations-screen';

export function AuthorizationsPage() {
  return (
    <Page
      title="Authorizations"
      lead={<p>Current insurance authorizations of every child, the ones that need attention first.</p>}
    >
      <AuthorizationsScreen />
    </Page>
  );
}
