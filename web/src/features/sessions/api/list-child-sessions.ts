import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-types';
import { childSessionsQueryKey, type SessionSummary } from './session-types';

export interface ChildSessionsParams {
  /** YYYY-MM-DD */
  from?: string;
  to?: string;
  page: number;
  size: number;
}

/** `GET /api/children/{id}/sessions`: newest first; guardians see submitted sessions only. */
export async function listChildSessions(
  childId: string,
  params: ChildSessionsParams,
  signal?: AbortSignal,
): Promise<Page<SessionSummary>> {
  return apiFetch<Page<SessionSummary>>(
    `/api/children/${encodeURIComponent(childId)}/sessions${toQueryString({ ...params })}`,
    { signal },
  );
}

export function useChildSessions(childId: string, params: ChildSessionsParams) {
  return useQuery({
    queryKey: [...childSessionsQueryKey(childId), params],
    queryFn: ({ signal }) => listChildSessions(childId, params, signal),
    placeholderData: keepPreviousData,
  });
}
