import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { sessionsQueryKey, type Measurement, type Phase, type PersonRef } from './session-types';

export interface ProgressPoint {
  sessionId: string;
  /** Start of the session (ISO instant). */
  date: string;
  trials: number;
  percentCorrect: number | null;
  percentIndependent: number | null;
  count: number;
  ratePerHour: number | null;
  durationSeconds: number;
  meetsCriterion: boolean;
}

export interface ProgressPhaseChange {
  phase: Phase;
  at: string;
  by: PersonRef | null;
  automatic: boolean;
}

export interface TargetProgress {
  targetId: string;
  programId: string;
  programName: string;
  name: string;
  measurement: Measurement;
  phase: Phase;
  criterion: { percent: number; consecutiveSessions: number; minTrials: number } | null;
  masteredAt: string | null;
  points: ProgressPoint[];
  phaseChanges: ProgressPhaseChange[];
}

export interface ProgressParams {
  /** YYYY-MM-DD */
  from: string;
  to: string;
  programId?: string;
}

/** `GET /api/children/{id}/progress`: one point per submitted session in which each target was run. */
export async function getChildProgress(
  childId: string,
  params: ProgressParams,
  signal?: AbortSignal,
): Promise<{ targets: TargetProgress[] }> {
  return apiFetch<{ targets: TargetProgress[] }>(
    `/api/children/${encodeURIComponent(childId)}/progress${toQueryString({ ...params })}`,
    { signal },
  );
}

export function useChildProgress(childId: string, params: ProgressParams, enabled = true) {
  return useQuery({
    queryKey: [...sessionsQueryKey, 'progress', childId, params],
    queryFn: ({ signal }) => getChildProgress(childId, params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
