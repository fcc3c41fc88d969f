import { HomeGrid } from '../../components/ui/home-section';
import { Page } from '../../components/ui/page';
import { ExportClinicButton } from '../../features/reporting/components/export-clinic-button';
import { AuthorizationAlertsSection } from '../../features/billing/components/authorization-alerts-section';
import { ChangeRequestsSection, TodaysSessionsSection } from '../../features/scheduling/components/home-sections';
import { useChildNames } from '../../features/scheduling/components/use-names';
import { UnsignedNotesSections } from '../../features/sessions/components/home-sections';
import { useAuth } from '../../lib/auth';

/** An admin's day: today's sessions, notes not signed, authorizations running out, changes to decide. */
export function AdminHomePage() {
  const { user } = useAuth();
  const childName = useChildNames();
  return (
    <Page title="Clinic overview" lead={<p>Welcome, {user?.name}</p>} actions={<ExportClinicButton />}>
      <HomeGrid>
        <TodaysSessionsSection childName={childName} />
        <UnsignedNotesSections childName={childName} />
        <AuthorizationAlertsSection />
        <ChangeRequestsSection childName={childName} />
      </HomeGrid>
    </Page>
  );
}
