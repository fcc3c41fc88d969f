import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { appointmentsQueryKey, type Appointment, type AttendanceInput } from './appointment-types';

/** `POST /api/appointments/{id}/complete` (the appointment's therapist, or an admin; an admin's `reason` completes before the start). The answer carries the `sessionId` of the session record. */
export async function completeAppointment({ id, reason }: AttendanceInput): Promise<Appointment> {
  return apiFetch<Appointment>(`/api/appointments/${encodeURIComponent(id)}/complete`, {
    method: 'POST',
    ...(reason === undefined ? {} : { body: { override: { reason } } }),
  });
}

export function useCompleteAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeAppointment,
    onSettled: () => queryClient.invalidateQueries({ queryKey: appointmentsQueryKey }),
  });
}
