import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { appointmentsQueryKey } from './appointment-types';

/** `POST /api/schedule/proposals/{id}/accept` (admins): books the draft; 409 with the conflicts if the week changed. */
export async function acceptProposal(id: string): Promise<unknown> {
  return apiFetch<unknown>(`/api/schedule/proposals/${encodeURIComponent(id)}/accept`, { method: 'POST' });
}

export function useAcceptProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptProposal,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appointmentsQueryKey }),
  });
}
