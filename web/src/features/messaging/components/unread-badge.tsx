import { useUnreadCount } from '../api/get-unread-count';

/** The navigation's unread-messages count; nothing when all is read. */
export function UnreadMessagesBadge() {
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  if (count === 0) return null;
  return (
    <span className="unread-badge nav-badge" data-testid="unread-messages">
      {count > 99 ? '99+' : count}
      <span className="visually-hidden">{count === 1 ? ' unread message' : ' unread messages'}</span>
    </span>
  );
}
