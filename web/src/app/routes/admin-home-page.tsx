import { Page } from '../../components/ui/page';
import { AdminHome } from '../../features/home/components/admin-home';
import { useAuth } from '../../lib/auth';

export function AdminHomePage() {
  const { user } = useAuth();
  return (
    <Page title="Clinic overview" lead={<p>Welcome, {user?.name}</p>}>
      <AdminHome />
    </Page>
  );
}
