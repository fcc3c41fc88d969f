import { Page } from '../../components/ui/page';
import { SecuritySettingsSection } from '../../features/users/components/security-settings';
import { UsersScreen } from '../../features/users/components/users-screen';
import { useAuth } from '../../lib/auth';

export function UsersPage() {
  const { user } = useAuth();
  return (
    <Page title="Users" lead={<p>Everyone who can sign in to the clinic’s SPARKTherapy.</p>}>
      <UsersScreen currentUserId={user?.id} />
      <SecuritySettingsSection />
    </Page>
  );
}
