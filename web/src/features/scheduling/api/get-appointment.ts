import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { appointmentsQueryKey, type Appointment } from './appointment-types';

/** `GET /api/appointments/{id}`; 404 also when the caller may not see it. */
export async function getAppointment(id: string, signal?: AbortSignal): Promise<Appointment> {
  return apiFetch<Appointment>(`/api/appointments/${encodeURIComponent(id)}`, { signal });
}

export function useAppointment(id: string | undefined) {
  return useQuery({
    queryKey: [...appointmentsQueryKey, 'detail', id ?? ''],
    queryFn: ({ signal }) => getAppointment(id as string, signal),
    enabled: Boolean(id),
  });
}
