import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { appointmentsQueryKey, type Appointment, type MoveScope } from './appointment-types';

export interface UpdateAppointmentRequest {
  start: string;
  end: string;
  therapistId?: string;
  place?: string;
  serviceCode?: string;
  scope: MoveScope;
  override?: { reason: string };
}

/** `PUT /api/appointments/{id}` (admins): moves one, the following or all of a series; 409 with the conflicts. */
export async function updateAppointment(id: string, request: UpdateAppointmentRequest): Promise<Appointment> {
  return apiFetch<Appointment>(`/api/appointments/${encodeURIComponent(id)}`, { method: 'PUT', body: request });
}

export function useUpdateAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateAppointmentRequest }) => updateAppointment(id, request),
    onSettled: () => queryClient.invalidateQueries({ queryKey: appointmentsQueryKey }),
  });
}
