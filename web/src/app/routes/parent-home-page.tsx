import { Page } from '../../components/ui/page';
import { ParentHome } from '../../features/home/components/parent-home';
import { useAuth } from '../../lib/auth';

export function ParentHomePage() {
  const { user } = useAuth();
  return (
    <Page title="My family" lead={<p>Welcome, {user?.name}</p>}>
      <ParentHome />
    </Page>
  );
}
