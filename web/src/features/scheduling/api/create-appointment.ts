import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { appointmentsQueryKey, type Appointment } from './appointment-types';
import type { PayerWarning } from './payer-warnings';

export interface CreateAppointmentRequest {
  childId: string;
  therapistId: string;
  serviceCode: string;
  place: string;
  start: string;
  end: string;
  /** "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10" */
  recurrence?: string;
  /** Books despite conflicts; the reason is kept on the appointment. */
  override?: { reason: string };
}

export interface CreateAppointmentResponse {
  series: { id: string; recurrence: string } | null;
  occurrences: Appointment[];
  /** Where the booking goes beyond the child's insurance authorization (ADR 0031); empty when it does not. */
  warnings: PayerWarning[];
}

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
