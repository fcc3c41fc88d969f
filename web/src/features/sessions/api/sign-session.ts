import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { sessionQueryKey, sessionsQueryKey, type Session } from './session-types';

/** The guardian's typed name and the drawn signature as a PNG data URL (at most 200 kB). */
export type GuardianSignatureRequest = Schema<'CoSignRequest'>;

/** `POST /api/sessions/{id}/guardian-signature`: guardians allowed to sign, submitted sessions, once (409 after). */
export async function signSession(id: string, request: GuardianSignatureRequest): Promise<Session> {
  return apiFetch<Session>(`/api/sessions/${encodeURIComponent(id)}/guardian-signature`, {
    method: 'POST',
    body: request,
  });
}

export function useSignSession(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: GuardianSignatureRequest) => signSession(id, request),
    onSuccess: (session) => queryClient.setQueryData(sessionQueryKey(id), session),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
