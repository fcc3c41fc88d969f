import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { appointmentsQueryKey, type Appointment, type MoveScope } from './appointment-types';
import type { PayerWarning } from './payer-warnings';

export interface UpdateAppointmentRequest {
  start: string;
  end: string;
  therapistId?: string;
  place?: string;
  serviceCode?: string;
  scope: MoveScope;
  override?: { reason: string };
}

/** What a move answers: every occurrence moved, and where it goes beyond the child's authorization. */
export interface MovedAppointments {
  series: { id: string; recurrence: string } | null;
  occurrences: Appointment[];
  warnings: PayerWarning[];
}

/**
 * `PUT /api/appointments/{id}` (admins): moves one, the following or all of a series; 409 with the conflicts, or 409
 * `authorization-exceeded` where the clinic blocks moves beyond authorizations.
 */
export async function updateAppointment(id: string, request: UpdateAppointmentRequest): Promise<MovedAppointments> {
  return apiFetch<MovedAppointments>(`/api/appointments/${encodeURIComponent(id)}`, { method: 'PUT', body: request });
}

export function useUpdateAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateAppointmentRequest }) => updateAppointment(id, request),
    onSettled: () => queryClient.invalidateQueries({ queryKey: appointmentsQueryKey }),
  });
}
