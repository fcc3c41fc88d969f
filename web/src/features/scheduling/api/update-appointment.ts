import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { appointmentsQueryKey } from './appointment-types';
import type { CreateAppointmentResponse } from './create-appointment';

/** What changes (fields left out stay as they are) and of which occurrences (`scope`, default: this one). */
export type UpdateAppointmentRequest = Schema<'ChangeRequest'>;

/**
 * `PUT /api/appointments/{id}` (admins): moves one, the following or all of a series; 409 with the conflicts. Answers
 * every occurrence changed.
 */
export async function updateAppointment(
  id: string,
  request: UpdateAppointmentRequest,
): Promise<CreateAppointmentResponse> {
  return apiFetch<CreateAppointmentResponse>(`/api/appointments/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: request,
  });
}

export function useUpdateAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateAppointmentRequest }) => updateAppointment(id, request),
    onSettled: () => queryClient.invalidateQueries({ queryKey: appointmentsQueryKey }),
  });
}
