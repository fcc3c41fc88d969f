import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { sessionQueryKey, type Addendum } from './session-types';

export type AddAddendumRequest = Schema<'AddendumRequest'>;

/** `POST /api/sessions/{id}/addenda` (care-team therapists, submitted sessions): the note itself never changes. */
export async function addAddendum(sessionId: string, request: AddAddendumRequest): Promise<Addendum> {
  return apiFetch<Addendum>(`/api/sessions/${encodeURIComponent(sessionId)}/addenda`, {
    method: 'POST',
    body: request,
  });
}

export function useAddAddendum(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AddAddendumRequest) => addAddendum(sessionId, request),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey(sessionId) }),
  });
}
