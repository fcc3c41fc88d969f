import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { appointmentsQueryKey, type Appointment, type AttendanceInput } from './appointment-types';

/** `POST /api/appointments/{id}/check-in` (the appointment's therapist, or an admin; an admin's `reason` checks in before check-in opens). */
export async function checkInAppointment({ id, reason }: AttendanceInput): Promise<Appointment> {
  return apiFetch<Appointment>(`/api/appointments/${encodeURIComponent(id)}/check-in`, {
    method: 'POST',
    ...(reason === undefined ? {} : { body: { override: { reason } } }),
  });
}

export function useCheckInAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: checkInAppointment,
    onSettled: () => queryClient.invalidateQueries({ queryKey: appointmentsQueryKey }),
  });
}
