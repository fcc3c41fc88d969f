import { Page } from '../../components/ui/page';
import { AuthorizationsScreen } from '../../features/billing/components/authorizations-screen';
import { ScheduleRulesSection } from '../../features/billing/components/schedule-rules-section';

export function AuthorizationsPage() {
  return (
    <Page
      title="Authorizations"
      lead={<p>Current insurance authorizations of every child, the ones that need attention first.</p>}
    >
      <AuthorizationsScreen />
      <ScheduleRulesSection />
    </Page>
  );
}
