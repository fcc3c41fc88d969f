import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { appointmentsQueryKey, type Appointment, type AttendanceInput } from './appointment-types';

/** `POST /api/appointments/{id}/no-show` (the appointment's therapist, or an admin; an admin's `reason` records it before the start). */
export async function noShowAppointment({ id, reason }: AttendanceInput): Promise<Appointment> {
  return apiFetch<Appointment>(`/api/appointments/${encodeURIComponent(id)}/no-show`, {
    method: 'POST',
    ...(reason === undefined ? {} : { body: { override: { reason } } }),
  });
}

export function useNoShowAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: noShowAppointment,
    onSettled: () => queryClient.invalidateQueries({ queryKey: appointmentsQueryKey }),
  });
}
