import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export interface TimeOffRequest {
  /** ISO 8601 instants. */
  start: string;
  end: string;
  reason?: string;
}

/** `POST /api/therapists/{id}/time-off` (admins). */
export async function addTimeOff(therapistId: string, request: TimeOffRequest): Promise<unknown> {
  return apiFetch<unknown>(`/api/therapists/${encodeURIComponent(therapistId)}/time-off`, {
    method: 'POST',
    body: request,
  });
}

export function useAddTimeOff(therapistId: string) {
  return useMutation({ mutationFn: (request: TimeOffRequest) => addTimeOff(therapistId, request) });
}
