import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import type { CreateAppointmentRequest } from './create-appointment';
import type { UpdateAppointmentRequest } from './update-appointment';

/**
 * What saving a booking or move would meet, found without saving (ADR 0031): `warnings` beyond the child's insurance
 * authorizations, `blocked` when the clinic refuses such bookings (saving answers 409 `authorization-exceeded`), and
 * the `conflicts` that would refuse it.
 */
export type AppointmentCheck = Schema<'BookingCheckResponse'>;

export type CheckConflict = Schema<'ConflictResponse'>;

/** How long the form must rest before it is checked: typing a time does not send a request per keystroke. */
export const CHECK_DELAY_MS = 400;

/** `POST /api/appointments/check` (admins): the booking's body; books nothing. */
export function checkBooking(request: CreateAppointmentRequest, signal?: AbortSignal): Promise<AppointmentCheck> {
  return apiFetch<AppointmentCheck>('/api/appointments/check', { method: 'POST', body: request, signal });
}

/** `POST /api/appointments/{id}/check` (admins): the change's body; moves nothing. */
export function checkChange(
  id: string,
  request: UpdateAppointmentRequest,
  signal?: AbortSignal,
): Promise<AppointmentCheck> {
  return apiFetch<AppointmentCheck>(`/api/appointments/${encodeURIComponent(id)}/check`, {
    method: 'POST',
    body: request,
    signal,
  });
}

/**
 * The request once it has stopped changing for {@link CHECK_DELAY_MS}, compared by its content (a form builds a new
 * object on every render).
 */
function useSettled<T>(request: T | null): T | null {
  const settled = useDebouncedValue(request === null ? null : JSON.stringify(request), CHECK_DELAY_MS);
  return useMemo(() => (settled === null ? null : (JSON.parse(settled) as T)), [settled]);
}

/**
 * Checks a booking once the form has rested (`null`: not complete yet, nothing to check). A request overtaken by a newer
 * one is cancelled (its signal aborts), and only the newest answer is shown.
 */
export function useBookingCheck(request: CreateAppointmentRequest | null) {
  const settled = useSettled(request);
  return useQuery({
    queryKey: ['appointment-check', 'booking', settled],
    queryFn: ({ signal }) => checkBooking(settled as CreateAppointmentRequest, signal),
    enabled: settled !== null,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
}

/** {@link useBookingCheck} for a move or change of appointment `id`. */
export function useChangeCheck(id: string, request: UpdateAppointmentRequest | null) {
  const settled = useSettled(request);
  return useQuery({
    queryKey: ['appointment-check', 'change', id, settled],
    queryFn: ({ signal }) => checkChange(id, settled as UpdateAppointmentRequest, signal),
    enabled: settled !== null,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
}
