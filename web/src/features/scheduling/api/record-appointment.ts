import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { appointmentsQueryKey, type Appointment } from './appointment-types';

/**
 * `POST /api/appointments/{id}/record` (the appointment's therapist): checks a scheduled appointment in and opens its
 * session record, or returns the one already open; the answer's `sessionId` names it. Submitting that session
 * completes the appointment.
 */
export async function recordAppointment(id: string): Promise<Appointment> {
  return apiFetch<Appointment>(`/api/appointments/${encodeURIComponent(id)}/record`, { method: 'POST' });
}

export function useRecordAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordAppointment,
    onSettled: () => queryClient.invalidateQueries({ queryKey: appointmentsQueryKey }),
  });
}
