import { Link } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { NotificationPreferences } from '../../features/notifications/components/notification-preferences';

export function NotificationSettingsPage() {
  return (
    <Page
      title="Notification settings"
      lead={
        <p>
          Choose what you hear about in the app and by email. <Link to="/profile">Back to profile</Link>
        </p>
      }
    >
      <section className="panel">
        <NotificationPreferences />
      </section>
    </Page>
  );
}
