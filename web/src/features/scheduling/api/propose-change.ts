import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { changeRequestsQueryKey, type ChangeRequest } from './change-request-types';

/** The proposed times, optionally another therapist of the care team, the scope (default: this one) and a note. */
export type ProposeChangeRequest = Schema<'ProposeRequest'>;

/** `POST /api/appointments/{id}/change-requests` (the appointment's therapist): nothing moves until an admin approves. */
export async function proposeChange(appointmentId: string, request: ProposeChangeRequest): Promise<ChangeRequest> {
  return apiFetch<ChangeRequest>(`/api/appointments/${encodeURIComponent(appointmentId)}/change-requests`, {
    method: 'POST',
    body: request,
  });
}

export function useProposeChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ appointmentId, request }: { appointmentId: string; request: ProposeChangeRequest }) =>
      proposeChange(appointmentId, request),
    onSettled: () => queryClient.invalidateQueries({ queryKey: changeRequestsQueryKey }),
  });
}
