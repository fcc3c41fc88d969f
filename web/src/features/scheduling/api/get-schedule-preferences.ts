import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { schedulingQueryKey } from './appointment-types';

/** Whole hours a week of one service (CPT 97151–97158). */
export type Prescription = Schema<'Prescription'>;

/**
 * A child's schedule preferences: what the automatic schedule places. `availableHours`: weekly blocks in the clinic's
 * time zone, "HH:MM"; `preferredPlace` null: the clinic.
 */
export type SchedulePreferences = Schema<'SchedulePreferencesResponse'>;

export function schedulePreferencesQueryKey(childId: string) {
  return [...schedulingQueryKey, 'schedule-preferences', childId] as const;
}

/** "15:00:00" or "15:00" → "15:00", as time inputs want it. */
function hhmm(time: string): string {
  return time.slice(0, 5);
}

export function normalizePreferences(preferences: SchedulePreferences): SchedulePreferences {
  return {
    ...preferences,
    availableHours: preferences.availableHours.map((block) => ({
      ...block,
      start: hhmm(block.start),
      end: hhmm(block.end),
    })),
  };
}

/** `GET /api/children/{id}/schedule-preferences`: anyone who may see the child; empty lists when none are set. */
export async function getSchedulePreferences(childId: string, signal?: AbortSignal): Promise<SchedulePreferences> {
  const preferences = await apiFetch<SchedulePreferences>(
    `/api/children/${encodeURIComponent(childId)}/schedule-preferences`,
    { signal },
  );
  return normalizePreferences(preferences);
}

export function useSchedulePreferences(childId: string) {
  return useQuery({
    queryKey: schedulePreferencesQueryKey(childId),
    queryFn: ({ signal }) => getSchedulePreferences(childId, signal),
  });
}
