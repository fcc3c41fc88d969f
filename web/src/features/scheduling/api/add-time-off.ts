import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';

/** ISO 8601 instants and an optional reason. */
export type TimeOffRequest = Schema<'TimeOffRequest'>;
export type TimeOff = Schema<'TimeOffResponse'>;

/** `POST /api/therapists/{id}/time-off` (admins). */
export async function addTimeOff(therapistId: string, request: TimeOffRequest): Promise<TimeOff> {
  return apiFetch<TimeOff>(`/api/therapists/${encodeURIComponent(therapistId)}/time-off`, {
    method: 'POST',
    body: request,
  });
}

export function useAddTimeOff(therapistId: string) {
  return useMutation({ mutationFn: (request: TimeOffRequest) => addTimeOff(therapistId, request) });
}
