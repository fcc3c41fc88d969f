import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { billingQueryKey } from './authorization-types';

/**
 * How the schedule follows the children's authorizations (ADR 0031): `warn` books beyond them with warnings, `block`
 * refuses; `graceDays` after which a past appointment nobody completed stops counting as planned units.
 */
export type ScheduleRules = Schema<'ScheduleRulesResponse'>;
export type ScheduleRulesRequest = Schema<'ScheduleRulesRequest'>;

export const scheduleRulesQueryKey = [...billingQueryKey, 'schedule-rules'] as const;

/** `GET /api/billing/schedule-rules` (admins); `version` is the ETag. */
export async function getScheduleRules(signal?: AbortSignal): Promise<ScheduleRules> {
  return apiFetch<ScheduleRules>('/api/billing/schedule-rules', { signal });
}

export function useScheduleRules() {
  return useQuery({ queryKey: scheduleRulesQueryKey, queryFn: ({ signal }) => getScheduleRules(signal) });
}

/** `PUT /api/billing/schedule-rules` (admins), guarded by the version the admin saw: 412 when it changed meanwhile. */
export async function putScheduleRules(version: number, request: ScheduleRulesRequest): Promise<ScheduleRules> {
  return apiFetch<ScheduleRules>('/api/billing/schedule-rules', {
    method: 'PUT',
    body: request,
    headers: { 'If-Match': `"${version}"` },
  });
}

export function usePutScheduleRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, request }: { version: number; request: ScheduleRulesRequest }) =>
      putScheduleRules(version, request),
    onSuccess: (saved) => queryClient.setQueryData(scheduleRulesQueryKey, saved),
  });
}
