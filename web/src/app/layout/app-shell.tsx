import { useEffect, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { useLogout } from '../../features/auth/api/logout';
import { IdleWarning } from '../../features/auth/components/idle-warning';
import { UnreadMessagesBadge } from '../../features/messaging/components/unread-badge';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { clearOfflineSessions } from '../../features/sessions/offline/outbox';
import { useOutboxSync, useSyncStatus } from '../../features/sessions/offline/sync';
import { ROLE_LABELS, type Role } from '../../lib/api-types';
import { useAuth } from '../../lib/auth';
import { useLiveEvents, useLiveStatus } from '../../lib/live-events';
import { OfflineGate } from '../guards';
import { HOME_PATHS } from '../role-home';

interface NavItem {
  to: string;
  label: string;
}

const NAV_ITEMS: Record<Role, NavItem[]> = {
  admin: [
    { to: HOME_PATHS.admin, label: 'Clinic overview' },
    { to: '/children', label: 'Children' },
    { to: '/schedule', label: 'Schedule' },
    { to: '/authorizations', label: 'Authorizations' },
    { to: '/billing/charges', label: 'Charges' },
    { to: '/billing/claims', label: 'Claims' },
    { to: '/billing/remittances', label: 'Remittances' },
    { to: '/billing/families', label: 'Family balances' },
    { to: '/billing/payments', label: 'Payments' },
    { to: '/admin/users', label: 'Users' },
    { to: '/admin/audit', label: 'Audit log' },
    { to: '/reports', label: 'Reports' },
  ],
  therapist: [
    { to: HOME_PATHS.therapist, label: 'My day' },
    { to: '/sessions/run', label: 'Run a session' },
    { to: '/schedule', label: 'Schedule' },
    { to: '/children', label: 'My caseload' },
  ],
  parent: [
    { to: HOME_PATHS.parent, label: 'My family' },
    { to: '/children', label: 'My children' },
    { to: '/schedule/upcoming', label: 'Upcoming sessions' },
    { to: '/billing', label: 'Billing' },
  ],
};

/**
 * Header, navigation by role and the main region around every signed-in screen. In an offline session it shows
 * the remembered therapist with an "Offline" badge, and only the pages that work without the server.
 */
export function AppShell() {
  const { identity: user, status } = useAuth();
  const offline = status === 'offline';
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  // The phone menu belongs to the page it was opened on: navigating closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.pathname;
  const [confirmingSignOut, setConfirmingSignOut] = useState(false);
  const sync = useSyncStatus();
  useOutboxSync(user?.id);
  useLiveEvents();
  const live = useLiveStatus();

  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setMenuOpenOn(null);
        document.getElementById('menu-button')?.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);

  if (!user) return null;
  const items = [
    ...NAV_ITEMS[user.role],
    // the caseload report is a supervisor's (BCBA, BCaBA); technicians have none
    ...(user.role === 'therapist' && 'credential' in user && (user.credential === 'BCBA' || user.credential === 'BCaBA')
      ? [{ to: '/reports/caseload', label: 'Caseload report' }]
      : []),
    ...(offline ? [] : [{ to: '/messages', label: 'Messages' }]),
    { to: '/profile', label: 'Profile' },
  ];

  // Signing out deletes the offline session queue, the only clinical data kept in the browser.
  const signOut = () => {
    setConfirmingSignOut(false);
    void clearOfflineSessions().finally(() =>
      logout.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) }),
    );
  };
  const requestSignOut = () => (sync.waiting > 0 ? setConfirmingSignOut(true) : signOut());

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className="topbar">
        <button
          id="menu-button"
          type="button"
          className="btn btn-ghost menu-button"
          aria-expanded={menuOpen}
          aria-controls="app-nav"
          onClick={() => setMenuOpenOn(menuOpen ? null : location.pathname)}
        >
          <span className="menu-icon" aria-hidden="true" />
          Menu
        </button>
        <Link to="/" className="brand" aria-label="SPARKTherapy home">
          <img src="/icons/icon.svg" alt="" width="28" height="28" />
          <span>SPARKTherapy</span>
        </Link>
        <div className="topbar-user">
          {offline && (
            <span className="badge badge-offline" title="Recording is kept on this device until the network is back">
              Offline
            </span>
          )}
          {!offline && (
            <span
              className={`live-indicator live-${live}`}
              role="status"
              title={live === 'live' ? 'Updates arrive as they happen' : 'Live updates paused: reconnecting'}
            >
              {live !== 'stopped' && (
                <span className="live-indicator-text">{live === 'live' ? 'Live' : 'Reconnecting…'}</span>
              )}
            </span>
          )}
          <NotificationBell enabled={!offline} />
          <span className="topbar-user-text">
            <span className="user-name">{user.name}</span>
            <span className="user-role">{ROLE_LABELS[user.role]}</span>
          </span>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={requestSignOut}
            disabled={logout.isPending}
          >
            Sign out
          </button>
        </div>
      </header>
      <div className="shell-body">
        <nav id="app-nav" aria-label="Main" className={`sidebar${menuOpen ? ' sidebar-open' : ''}`}>
          <p className="sidebar-user">
            {offline ? 'Offline as' : 'Signed in as'} <strong>{user.name}</strong> ({ROLE_LABELS[user.role]})
          </p>
          <ul className="nav-list">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end className="nav-link">
                  {item.label}
                  {item.to === '/messages' && <UnreadMessagesBadge />}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} className="main">
          <OfflineGate />
        </main>
      </div>
      <IdleWarning />
      <ConfirmDialog
        open={confirmingSignOut}
        title="Sign out and discard unsent data?"
        description={`${sync.waiting} recorded ${sync.waiting === 1 ? 'entry has' : 'entries have'} not reached the server yet. Signing out deletes ${sync.waiting === 1 ? 'it' : 'them'} from this device.`}
        confirmLabel="Sign out and discard"
        onConfirm={signOut}
        onClose={() => setConfirmingSignOut(false)}
      />
    </div>
  );
}
