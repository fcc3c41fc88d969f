import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import type { Availability, TimeBlock } from './appointment-types';
import { availabilityQueryKey } from './get-availability';

/** `PUT /api/therapists/{id}/availability` (admins): replaces the therapist's weekly blocks. */
export async function putAvailability(therapistId: string, blocks: TimeBlock[]): Promise<Availability> {
  return apiFetch<Availability>(`/api/therapists/${encodeURIComponent(therapistId)}/availability`, {
    method: 'PUT',
    body: { blocks } satisfies Schema<'AvailabilityRequest'>,
  });
}

export function usePutAvailability(therapistId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (blocks: TimeBlock[]) => putAvailability(therapistId, blocks),
    onSuccess: (saved) => queryClient.setQueryData(availabilityQueryKey(therapistId), { ...saved, known: true }),
  });
}
