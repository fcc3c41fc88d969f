import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import {
  normalizePreferences,
  schedulePreferencesQueryKey,
  type SchedulePreferences,
} from './get-schedule-preferences';

export type SchedulePreferencesRequest = Schema<'SchedulePreferencesRequest'>;

/**
 * `PUT /api/children/{id}/schedule-preferences` (admins): replaces them as a whole. A 400 names the offending fields
 * by pointer (`/availableHours/1/end`, `/prescribedWeeklyHours/0/serviceCode`, `/preferredPlace`).
 */
export async function putSchedulePreferences(
  childId: string,
  request: SchedulePreferencesRequest,
): Promise<SchedulePreferences> {
  const saved = await apiFetch<SchedulePreferences>(
    `/api/children/${encodeURIComponent(childId)}/schedule-preferences`,
    { method: 'PUT', body: request },
  );
  return normalizePreferences(saved);
}

export function usePutSchedulePreferences(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SchedulePreferencesRequest) => putSchedulePreferences(childId, request),
    onSuccess: (saved) => queryClient.setQueryData(schedulePreferencesQueryKey(childId), saved),
  });
}
