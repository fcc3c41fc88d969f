import { Link } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { NotificationCentre } from '../../features/notifications/components/notification-centre';

export function NotificationsPage() {
  return (
    <Page
      title="Notifications"
      lead={
        <p>
          What happened that concerns you. <Link to="/profile/notifications">Notification settings</Link>
        </p>
      }
    >
      <NotificationCentre />
    </Page>
  );
}
