import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { endSession, restoreSession, startSession } from '../lib/auth-session';
import { rememberOfflineIdentity } from '../lib/offline-identity';
import { createQueryClient } from '../lib/query-client';
import { aTherapist, aTokenResponse, aUser } from '../test/fixtures';
import { OfflineGate, RequireAuth, RequireRole, RoleRedirect } from './guards';
import { SignInPage } from './routes/sign-in-page';

const routes = [
  { path: '/sign-in', element: <h1>Sign in</h1> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <OfflineGate />,
        children: [
          { path: '/', element: <RoleRedirect /> },
          { path: '/parent', element: <h1>My family</h1> },
          { path: '/children', element: <h1>My caseload</h1> },
          { path: '/sessions/run', element: <h1>Run a session</h1> },
          { path: '/sessions/run/:id', element: <h1>Session</h1> },
          {
            element: <RequireRole roles={['admin']} />,
            children: [{ path: '/admin', element: <h1>Clinic overview</h1> }],
          },
        ],
      },
    ],
  },
];

function renderAt(path: string, routeTable: typeof routes = routes) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={createMemoryRouter(routeTable, { initialEntries: [path] })} />
    </QueryClientProvider>,
  );
}

/** Boots as the app does with no network and `user` remembered on this device. */
async function bootOffline(user = aTherapist()) {
  await rememberOfflineIdentity(user);
  vi.mocked(fetch).mockRejectedValue(new TypeError('Failed to fetch'));
  await restoreSession();
}

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn());
});

describe('route guards', () => {
  it('sends signed-out visitors to sign-in', async () => {
    endSession();

    renderAt('/admin');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('sends each role from / to its home', async () => {
    startSession(aTokenResponse(aUser({ role: 'parent' })));

    renderAt('/');

    expect(await screen.findByRole('heading', { name: 'My family' })).toBeInTheDocument();
  });

  it('tells non-admins they are not allowed on admin pages', async () => {
    startSession(aTokenResponse(aUser({ role: 'parent' })));

    renderAt('/admin');

    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Clinic overview' })).not.toBeInTheDocument();
  });
});

describe('an offline session', () => {
  it('opens the recording screens', async () => {
    await bootOffline();

    renderAt('/sessions/run/2b1f3c9e-0000-4000-8000-000000000001');

    expect(await screen.findByRole('heading', { name: 'Session' })).toBeInTheDocument();
  });

  it('sends / to "Run a session"', async () => {
    await bootOffline();

    renderAt('/');

    expect(await screen.findByRole('heading', { name: 'Run a session' })).toBeInTheDocument();
  });

  it('explains that other pages need the network', async () => {
    await bootOffline();

    renderAt('/children');

    expect(await screen.findByRole('heading', { name: 'You’re offline' })).toBeInTheDocument();
    expect(screen.getByText(/This page needs the network/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'My caseload' })).not.toBeInTheDocument();
  });

  it('sends a device with nobody remembered to sign-in, saying it is offline', async () => {
    await bootOffline(aUser({ role: 'parent' }));

    renderAt('/sessions/run', [{ path: '/sign-in', element: <SignInPage /> }, ...routes.slice(1)]);

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText('You’re offline')).toBeInTheDocument();
  });
});
