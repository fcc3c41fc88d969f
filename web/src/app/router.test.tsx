import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSession } from '../lib/auth-session';
import { createQueryClient } from '../lib/query-client';
import { aTokenResponse, aUser } from '../test/fixtures';
import { routes } from './router';
import { RouteErrorPage } from './routes/route-error-page';

function renderRoutes(table: RouteObject[], path: string) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={createMemoryRouter(table, { initialEntries: [path] })} />
    </QueryClientProvider>,
  );
}

function allRoutes(table: RouteObject[]): RouteObject[] {
  return table.flatMap((route) => [route, ...allRoutes(route.children ?? [])]);
}

beforeEach(() => {
  // React reports errors its boundaries caught; they are what these tests provoke
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the route error boundary', () => {
  it('sits on every route of the app', () => {
    const routesWithout = allRoutes(routes).filter((route) => !route.errorElement);

    expect(allRoutes(routes).length).toBeGreaterThan(30);
    expect(routesWithout.map((route) => route.path ?? '(layout)')).toEqual([]);
  });

  it('says in words that the page could not be shown, and a retry shows it once it works', async () => {
    let broken = true;
    function Flaky() {
      if (broken) throw new TypeError("Cannot read properties of null (reading 'name')");
      return <h1>Program</h1>;
    }
    renderRoutes([{ path: '/programs/:id', element: <Flaky />, errorElement: <RouteErrorPage /> }], '/programs/p1');

    expect(await screen.findByRole('heading', { name: 'This page could not be shown' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong while showing this page.');
    expect(screen.getByText("Cannot read properties of null (reading 'name')")).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to your home page' })).toHaveAttribute('href', '/');
    expect(screen.queryByText(/Unexpected Application Error/)).not.toBeInTheDocument();

    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { name: 'Program' })).toBeInTheDocument();
  });

  it('shows a crashing page inside the app shell, whose navigation keeps working', async () => {
    startSession(aTokenResponse(aUser({ role: 'parent' })));
    // every request answers something no page expects: the children page crashes on it
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } })),
    );

    renderRoutes(routes, '/children');

    expect(await screen.findByRole('heading', { name: 'This page could not be shown' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My family' })).toBeInTheDocument();
  });
});
