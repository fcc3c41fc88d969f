import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { appointmentsQueryKey } from './appointment-types';

/**
 * `recurrence`: "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10"; `override`: books despite availability and time off, the reason
 * kept on the appointment.
 */
export type CreateAppointmentRequest = Schema<'AppointmentRequest'>;

/** The series (null for a single appointment) and every occurrence booked. */
export type CreateAppointmentResponse = Schema<'BookingResponse'>;

/** `POST /api/appointments` (admins): a single appointment or a weekly series, booked all-or-nothing (409 on conflicts). */
export async function createAppointment(request: CreateAppointmentRequest): Promise<CreateAppointmentResponse> {
  return apiFetch<CreateAppointmentResponse>('/api/appointments', { method: 'POST', body: request });
}

export function useCreateAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAppointment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appointmentsQueryKey }),
  });
}
