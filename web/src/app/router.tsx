import { createBrowserRouter } from 'react-router-dom';
import { AppShell } from './layout/app-shell';
import { RequireAuth, RequireRole, RoleRedirect } from './guards';
import { AdminHomePage } from './routes/admin-home-page';
import { NotFoundPage } from './routes/not-found-page';
import { ParentHomePage } from './routes/parent-home-page';
import { ProfilePage } from './routes/profile-page';
import { RegisterPage } from './routes/register-page';
import { SignInPage } from './routes/sign-in-page';
import { TherapistHomePage } from './routes/therapist-home-page';
import { UsersPage } from './routes/users-page';

export const routes = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/register', element: <RegisterPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <RoleRedirect /> },
          {
            element: <RequireRole roles={['admin']} />,
            children: [
              { path: '/admin', element: <AdminHomePage /> },
              { path: '/admin/users', element: <UsersPage /> },
            ],
          },
          {
            element: <RequireRole roles={['therapist']} />,
            children: [{ path: '/therapist', element: <TherapistHomePage /> }],
          },
          { element: <RequireRole roles={['parent']} />, children: [{ path: '/parent', element: <ParentHomePage /> }] },
          { path: '/profile', element: <ProfilePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
