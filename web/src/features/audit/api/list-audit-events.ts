import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Page, Schema } from '../../../lib/api-types';

/** One audit entry; `action` is read, create, update, archive and more as the server adds them. */
export type AuditEvent = Schema<'AuditEntryResponse'>;
export type AuditOutcome = AuditEvent['outcome'];

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
