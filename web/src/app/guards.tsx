import { matchPath, Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageStatus } from '../components/ui/full-page-status';
import type { Role } from '../lib/api-types';
import { useAuth } from '../lib/auth';
import { HOME_PATHS } from './role-home';
import { NotAllowedPage } from './routes/not-allowed-page';
import { OfflinePage } from './routes/offline-page';

/** The pages that work in an offline session: recording into the sessions kept on this device (`/` leads there). */
export const OFFLINE_PATHS = ['/', '/sessions/run', '/sessions/run/:id'] as const;
/** Where `/` leads in an offline session. */
const OFFLINE_HOME = '/sessions/run';

/**
 * Lets signed-in users (and offline sessions) through; waits for the silent sign-in on first load, else sends
 * them to /sign-in.
 */
export function RequireAuth() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <FullPageStatus>Loading SPARKTherapy…</FullPageStatus>;
  if (status === 'signed-out') return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}

/** Shows a "not allowed" page to users whose role may not see the nested routes. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { identity } = useAuth();
  if (!identity || !roles.includes(identity.role)) return <NotAllowedPage />;
  return <Outlet />;
}

/** In an offline session, shows "You're offline" instead of the pages that need the server. */
export function OfflineGate() {
  const { status } = useAuth();
  const { pathname } = useLocation();
  if (status === 'offline' && !OFFLINE_PATHS.some((path) => matchPath(path, pathname))) return <OfflinePage />;
  return <Outlet />;
}

/** `/` sends each user to their role's home (to recording in an offline session). */
export function RoleRedirect() {
  const { status, identity } = useAuth();
  if (status === 'offline') return <Navigate to={OFFLINE_HOME} replace />;
  return <Navigate to={identity ? HOME_PATHS[identity.role] : '/sign-in'} replace />;
}
