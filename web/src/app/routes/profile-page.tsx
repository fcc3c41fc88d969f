import { Page } from '../../components/ui/page';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { ProfileNameForm } from '../../features/auth/components/profile-name-form';
import { CalendarFeed } from '../../features/scheduling/components/calendar-feed';
import { useAuth } from '../../lib/auth';

export function ProfilePage() {
  const { user } = useAuth();
  if (!user) return null;
  return (
    <Page title="Profile" lead={<p>Your name, password and calendar subscription.</p>}>
      <div className="stack-sections">
        <section className="panel">
          <ProfileNameForm user={user} />
        </section>
        <section className="panel">
          <ChangePasswordForm user={user} />
        </section>
        <CalendarFeed />
      </div>
    </Page>
  );
}
