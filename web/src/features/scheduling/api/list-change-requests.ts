import { useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-types';
import { changeRequestsQueryKey, type ChangeRequest, type ChangeRequestStatus } from './change-request-types';

export interface ChangeRequestListParams {
  status?: ChangeRequestStatus;
  appointmentId?: string;
}

/** `GET /api/appointment-change-requests`: admins see every request, therapists their own, newest first. */
export async function listChangeRequests(
  params: ChangeRequestListParams,
  signal?: AbortSignal,
): Promise<Page<ChangeRequest>> {
  return apiFetch<Page<ChangeRequest>>(
    `/api/appointment-change-requests${toQueryString({ ...params, page: 0, size: 50 })}`,
    { signal },
  );
}

export function useChangeRequests(params: ChangeRequestListParams, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...changeRequestsQueryKey, 'list', params],
    queryFn: ({ signal }) => listChangeRequests(params, signal),
    enabled,
  });
}
