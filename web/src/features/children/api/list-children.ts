import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-types';
import { childrenQueryKey, type ChildStatus, type ChildSummary } from './child-types';

export interface ChildListParams {
  /** Searches names. Sent as a query parameter to the API only; never put into the page URL. */
  q?: string;
  status?: ChildStatus;
  includeArchived?: boolean;
  page: number;
  size: number;
  sort?: string;
}

/** `GET /api/children`: one page of the children the caller may see (admin all, therapist caseload, parent own). */
export async function listChildren(params: ChildListParams, signal?: AbortSignal): Promise<Page<ChildSummary>> {
  const query = toQueryString({ sort: 'lastName,asc', ...params });
  return apiFetch<Page<ChildSummary>>(`/api/children${query}`, { signal });
}

export function useChildren(params: ChildListParams) {
  return useQuery({
    queryKey: [...childrenQueryKey, 'list', params],
    queryFn: ({ signal }) => listChildren(params, signal),
    placeholderData: keepPreviousData,
  });
}
