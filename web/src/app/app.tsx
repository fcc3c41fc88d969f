import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { ServerRetryStatus } from '../components/ui/server-retry-status';
import { forgetValidatedAnswers } from '../lib/api-client';
import { getSessionSnapshot, restoreSession, subscribeToSession } from '../lib/auth-session';
import { createQueryClient } from '../lib/query-client';
import { createRouter } from './router';

/**
 * Providers and router. Starts the silent sign-in, drops cached server data whenever the session ends and reloads
 * what failed while an offline session had no token, once it is signed in again. Below every page, the one status
 * line for requests waiting out a brief server outage.
 */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);

  useEffect(() => {
    void restoreSession();
    let previous = getSessionSnapshot().status;
    return subscribeToSession(() => {
      const { status } = getSessionSnapshot();
      if (status === 'signed-out') {
        queryClient.clear();
        forgetValidatedAnswers();
      }
      if (status === 'signed-in' && previous === 'offline') void queryClient.invalidateQueries();
      previous = status;
    });
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <ServerRetryStatus />
    </QueryClientProvider>
  );
}
