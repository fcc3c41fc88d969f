import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-types';
import { appointmentsQueryKey, type Appointment, type AppointmentStatus } from './appointment-types';

export interface AppointmentListParams {
  /** ISO 8601 instants. */
  from: string;
  to: string;
  therapistId?: string;
  childId?: string;
  status?: AppointmentStatus;
}

/** `GET /api/appointments`: what the caller may see (admins all, therapists theirs and their children's, parents their children's). */
export async function listAppointments(
  params: AppointmentListParams,
  signal?: AbortSignal,
): Promise<Page<Appointment>> {
  const query = toQueryString({ ...params, page: 0, size: 200 });
  return apiFetch<Page<Appointment>>(`/api/appointments${query}`, { signal });
}

export function useAppointments(params: AppointmentListParams, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...appointmentsQueryKey, 'list', params],
    queryFn: ({ signal }) => listAppointments(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
