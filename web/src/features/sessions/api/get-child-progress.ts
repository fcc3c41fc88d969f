import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetchValidated, toQueryString } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { sessionsQueryKey } from './session-types';

/** One submitted session in which the target was run; `date`: the session's start (ISO instant). */
export type ProgressPoint = Schema<'Point'>;
export type ProgressPhaseChange = Schema<'PhaseLine'>;
export type TargetProgress = Schema<'TargetProgress'>;
type ProgressResponse = Schema<'ProgressResponse'>;

export interface ProgressParams {
  /** YYYY-MM-DD */
  from: string;
  to: string;
  programId?: string;
}

/**
 * `GET /api/children/{id}/progress`: one point per submitted session in which each target was run. Asked with the last
 * answer's ETag: an unchanged child's progress comes back as a 304 and the kept answer is reused.
 */
export async function getChildProgress(
  childId: string,
  params: ProgressParams,
  signal?: AbortSignal,
): Promise<ProgressResponse> {
  return apiFetchValidated<ProgressResponse>(
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
