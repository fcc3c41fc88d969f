import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { endSession, WEB_CLIENT_HEADERS } from '../../../lib/auth-session';

/** `POST /api/auth/logout`: the server revokes the session and clears the refresh cookie. */
export async function logout(): Promise<void> {
  await apiFetch<void>('/api/auth/logout', {
    method: 'POST',
    body: {},
    headers: { ...WEB_CLIENT_HEADERS },
    anonymous: true,
  });
}

/** Signs out on the server and always forgets the session locally, even when the server is unreachable. */
export function useLogout() {
  return useMutation({
    mutationFn: logout,
    onSettled: () => endSession(),
  });
}
