import { Badge } from '../../components/ui/badge';
import { Page } from '../../components/ui/page';
import { TherapistHome } from '../../features/home/components/therapist-home';
import { useAuth } from '../../lib/auth';

export function TherapistHomePage() {
  const { user } = useAuth();
  return (
    <Page
      title="My day"
      lead={
        <p>
          Welcome, {user?.name}
          {user?.credential && (
            <Badge tone="info">Credential: {user.credential === 'other' ? 'Other' : user.credential}</Badge>
          )}
        </p>
      }
    >
      <TherapistHome />
    </Page>
  );
}
