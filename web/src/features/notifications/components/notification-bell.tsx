import { Link } from 'react-router-dom';
import { useUnreadCount } from '../api/get-unread-count';

/** The accessible name of the bell, e.g. "Notifications, 3 unread". */
export function bellLabel(unread: number | undefined): string {
  if (!unread) return 'Notifications, none unread';
  return `Notifications, ${unread} unread`;
}

/** The header's bell: opens the notification centre and shows how many are unread. */
export function NotificationBell({ enabled = true }: { enabled?: boolean }) {
  const unread = useUnreadCount(enabled).data;
  return (
    <Link to="/notifications" className="btn btn-ghost btn-sm bell" aria-label={bellLabel(unread)}>
      <svg
        aria-hidden="true"
        width="20"
        height="20"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread ? (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
