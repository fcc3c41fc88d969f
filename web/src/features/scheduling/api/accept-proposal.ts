import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { appointmentsQueryKey, type Proposal } from './appointment-types';

/**
 * `POST /api/schedule/proposals/{id}/accept` (admins): books the draft; 409 with the conflicts if the week changed, or
 * 409 `authorization-exceeded` where the clinic blocks bookings beyond authorizations. The accepted proposal carries
 * the payer warnings otherwise.
 */
export async function acceptProposal(id: string): Promise<Proposal> {
  return apiFetch<Proposal>(`/api/schedule/proposals/${encodeURIComponent(id)}/accept`, { method: 'POST' });
}

export function useAcceptProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptProposal,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appointmentsQueryKey }),
  });
}
