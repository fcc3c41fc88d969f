import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageStatus } from '../components/ui/full-page-status';
import type { Role } from '../lib/api-types';
import { useAuth } from '../lib/auth';
import { HOME_PATHS } from './role-home';
import { NotAllowedPage } from './routes/not-allowed-page';

/** Lets signed-in users through; waits for the silent sign-in on first load, else sends them to /sign-in. */
export function RequireAuth() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <FullPageStatus>Loading SPARKTherapy…</FullPageStatus>;
  if (status === 'signed-out') return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}

/** Shows a "not allowed" page to signed-in users whose role may not see the nested routes. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { user } = useAuth();
  if (!user || !roles.includes(user.role)) return <NotAllowedPage />;
  return <Outlet />;
}

/** `/` sends each user to their role's home. */
export function RoleRedirect() {
  const { user } = useAuth();
  return <Navigate to={user ? HOME_PATHS[user.role] : '/sign-in'} replace />;
}
