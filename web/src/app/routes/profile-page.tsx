import { Link } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { ActiveSignIns } from '../../features/auth/components/active-sign-ins';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { ProfileNameForm } from '../../features/auth/components/profile-name-form';
import { TwoStepSection } from '../../features/auth/components/two-step-section';
import { CalendarFeed } from '../../features/scheduling/components/calendar-feed';
import { useAuth } from '../../lib/auth';

export function ProfilePage() {
  const { user } = useAuth();
  if (!user) return null;
  return (
    <Page
      title="Profile"
      lead={
        <p>
          Your name, password, two-step sign-in, where you are signed in, calendar subscription and notification
          settings.
        </p>
      }
    >
      <div className="stack-sections">
        <section className="panel">
          <ProfileNameForm user={user} />
        </section>
        <section className="panel">
          <ChangePasswordForm user={user} />
        </section>
        <TwoStepSection />
        <ActiveSignIns />
        <CalendarFeed />
        <section className="panel" aria-labelledby="notification-settings-heading">
          <h2 id="notification-settings-heading" className="section-title">
            Notifications
          </h2>
          <p>
            <Link to="/profile/notifications">Notification settings</Link>: what you hear about in the app and by email.
          </p>
        </section>
      </div>
    </Page>
  );
}
