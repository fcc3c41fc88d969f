import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { endSession, startSession } from '../lib/auth-session';
import { aTokenResponse, aUser } from '../test/fixtures';
import { RequireAuth, RequireRole, RoleRedirect } from './guards';

const routes = [
  { path: '/sign-in', element: <h1>Sign in</h1> },
  {
    element: <RequireAuth />,
    children: [
      { path: '/', element: <RoleRedirect /> },
      { path: '/parent', element: <h1>My family</h1> },
      { element: <RequireRole roles={['admin']} />, children: [{ path: '/admin', element: <h1>Clinic overview</h1> }] },
    ],
  },
];

function renderAt(path: string) {
  render(<RouterProvider router={createMemoryRouter(routes, { initialEntries: [path] })} />);
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
