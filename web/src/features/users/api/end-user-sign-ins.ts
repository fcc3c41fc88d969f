import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

/**
 * `DELETE /api/users/{id}/sessions` (admin only): ends every sign-in of the account at once (a lost phone, a
 * compromised account); the audit log keeps who did it. The account can sign in again.
 */
export async function endUserSignIns(id: string): Promise<void> {
  await apiFetch<void>(`/api/users/${encodeURIComponent(id)}/sessions`, { method: 'DELETE' });
}

export function useEndUserSignIns() {
  return useMutation({ mutationFn: endUserSignIns });
}
