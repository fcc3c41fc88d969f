import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { valuesOf, type Schema } from '../../../lib/api-types';
import { appointmentsQueryKey, type Appointment } from './appointment-types';

/** Which occurrences a cancellation applies to: this one, or this and the scheduled ones after it in its series. */
export type CancelScope = NonNullable<CancelRequest['scope']>;
type CancelRequest = Schema<'CancelRequest'>;

export const CANCEL_SCOPES = valuesOf<CancelScope>()(['this', 'following']);

/**
 * `POST /api/appointments/{id}/cancel` (admins; parents for their children, late within 24 h of the start). With
 * scope "following" the scheduled occurrences after it in its series are cancelled too; the answer is the addressed
 * appointment.
 */
export async function cancelAppointment(id: string, reason: string, scope: CancelScope = 'this'): Promise<Appointment> {
  const body: CancelRequest = scope === 'this' ? { reason } : { reason, scope };
  return apiFetch<Appointment>(`/api/appointments/${encodeURIComponent(id)}/cancel`, { method: 'POST', body });
}

export function useCancelAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason, scope }: { id: string; reason: string; scope?: CancelScope }) =>
      cancelAppointment(id, reason, scope),
    onSettled: () => queryClient.invalidateQueries({ queryKey: appointmentsQueryKey }),
  });
}
