import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Page, Role } from '../../../lib/api-types';

export type AuditOutcome = 'success' | 'denied' | 'not_found';

export interface AuditEvent {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  role: Role | null;
  /** read, create, update, archive and more as the server adds them. */
  action: string;
  resourceType: string;
  resourceId: string | null;
  childId: string | null;
  endpoint: string;
  address: string | null;
  outcome: AuditOutcome;
}

export interface AuditParams {
  childId?: string;
  userId?: string;
  /** ISO 8601 instants. */
  from?: string;
  to?: string;
  page: number;
  size: number;
}

export const auditQueryKey = ['audit'] as const;

/** `GET /api/audit` (admin only): PHI access and changes, newest first. */
export async function listAuditEvents(params: AuditParams, signal?: AbortSignal): Promise<Page<AuditEvent>> {
  return apiFetch<Page<AuditEvent>>(`/api/audit${toQueryString({ ...params })}`, { signal });
}

export function useAuditEvents(params: AuditParams) {
  return useQuery({
    queryKey: [...auditQueryKey, 'list', params],
    queryFn: ({ signal }) => listAuditEvents(params, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
