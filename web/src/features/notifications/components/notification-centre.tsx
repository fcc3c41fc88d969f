import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Pagination } from '../../../components/ui/pagination';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/dates';
import { useNotifications, type Notification } from '../api/list-notifications';
import { useMarkRead } from '../api/mark-read';

const PAGE_SIZE = 20;

/**
 * The notification centre: newest first, all or unread only; opening one marks it read. A task's notice says
 * "To do" until the task is done — by this person or anyone else — and "Done" after.
 */
export function NotificationCentre() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(0);
  const centre = useNotifications({ unreadOnly, page, size: PAGE_SIZE });
  const markRead = useMarkRead();
  const navigate = useNavigate();

  const open = (notification: Notification) => {
    if (!notification.read) markRead.mutate({ ids: [notification.id] });
    if (notification.link) navigate(notification.link);
  };
  const unread = centre.data?.unreadCount ?? 0;

  return (
    <div className="stack-sections">
      <div className="toolbar" role="group" aria-label="Notification filters">
        <div className="segmented" role="radiogroup" aria-label="Show">
          {[
            { value: false, label: 'All' },
            { value: true, label: 'Unread' },
          ].map((option) => (
            <label key={option.label} className="segmented-option">
              <input
                type="radio"
                name="notification-filter"
                checked={unreadOnly === option.value}
                onChange={() => {
                  setUnreadOnly(option.value);
                  setPage(0);
                }}
              />
              {option.label}
            </label>
          ))}
        </div>
        <p className="muted" aria-live="polite">
          {unread === 0 ? 'No unread notifications' : `${unread} unread`}
        </p>
        <Button
          variant="secondary"
          size="sm"
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          Mark all read
        </Button>
      </div>
      {centre.isError && <Alert>{errorMessage(centre.error)}</Alert>}
      {markRead.isError && <Alert>{errorMessage(markRead.error)}</Alert>}
      {centre.isPending && <p>Loading notifications…</p>}
      {centre.data && centre.data.content.length === 0 && (
        <p className="empty-state">{unreadOnly ? 'Nothing unread.' : 'No notifications yet.'}</p>
      )}
      {centre.data && centre.data.content.length > 0 && (
        <ul className="notification-list" aria-label="Notifications">
          {centre.data.content.map((notification) => (
            <li
              key={notification.id}
              className={`notification${notification.read ? '' : ' notification-unread'}${notification.resolvedAt ? ' notification-done' : ''}`}
            >
              <div className="notification-text">
                <p className="notification-title">
                  {!notification.read && <span className="visually-hidden">Unread: </span>}
                  {notification.link ? (
                    <Link
                      to={notification.link}
                      onClick={(event) => {
                        event.preventDefault();
                        open(notification);
                      }}
                    >
                      {notification.title}
                    </Link>
                  ) : (
                    notification.title
                  )}{' '}
                  {notification.task && <TaskState resolvedAt={notification.resolvedAt} />}
                </p>
                <p className="notification-time muted">
                  <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
                  {notification.resolvedAt && (
                    <>
                      {' · done '}
                      <time dateTime={notification.resolvedAt}>{formatDateTime(notification.resolvedAt)}</time>
                    </>
                  )}
                </p>
              </div>
              {!notification.read && (
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={markRead.isPending}
                  onClick={() => markRead.mutate({ ids: [notification.id] })}
                  aria-label={`Mark read: ${notification.title}`}
                >
                  Mark read
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {centre.data && centre.data.page.totalPages > 1 && (
        <Pagination
          label="Pages of notifications"
          page={page}
          totalPages={centre.data.page.totalPages}
          totalElements={centre.data.page.totalElements}
          noun="notifications"
          busy={centre.isFetching}
          onPageChange={setPage}
        />
      )}
    </div>
  );
}

/** Whether the task a notice asks for is still to do or done. */
function TaskState({ resolvedAt }: { resolvedAt: string | null }) {
  return resolvedAt ? <Badge tone="success">Done</Badge> : <Badge tone="warning">To do</Badge>;
}
