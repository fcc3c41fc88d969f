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

/** The server's largest page: a range is read in pages of this size. */
export const APPOINTMENT_PAGE_SIZE = 200;

function fetchPage(params: AppointmentListParams, page: number, signal?: AbortSignal): Promise<Page<Appointment>> {
  const query = toQueryString({ ...params, page, size: APPOINTMENT_PAGE_SIZE });
  return apiFetch<Page<Appointment>>(`/api/appointments${query}`, { signal });
}

/**
 * `GET /api/appointments`: what the caller may see (admins all, therapists theirs and their children's, parents their
 * children's). Reads every page of the range, so a busy clinic's week is complete; the answer is one page holding
 * them all (an appointment seen on two pages, because the range changed between reads, counts once).
 */
export async function listAppointments(
  params: AppointmentListParams,
  signal?: AbortSignal,
): Promise<Page<Appointment>> {
  const first = await fetchPage(params, 0, signal);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, first.page.totalPages - 1) }, (_, index) => fetchPage(params, index + 1, signal)),
  );
  const byId = new Map<string, Appointment>();
  for (const page of [first, ...rest]) {
    for (const appointment of page.content) byId.set(appointment.id, appointment);
  }
  const content = [...byId.values()];
  return {
    content,
    page: { number: 0, size: content.length, totalElements: content.length, totalPages: 1 },
  };
}

export function useAppointments(params: AppointmentListParams, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...appointmentsQueryKey, 'list', params],
    queryFn: ({ signal }) => listAppointments(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
