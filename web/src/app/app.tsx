import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { getSessionSnapshot, restoreSession, subscribeToSession } from '../lib/auth-session';
import { createQueryClient } from '../lib/query-client';
import { createRouter } from './router';

/** Providers and router. Starts the silent sign-in and drops cached server data whenever the session ends. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);

  useEffect(() => {
    void restoreSession();
    return subscribeToSession(() => {
      if (getSessionSnapshot().status === 'signed-out') queryClient.clear();
    });
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
