import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Page, Schema } from '../../../lib/api-types';

/**
 * One audit entry; `action` is read, create, update, archive and more as the server adds them — for account
 * events (`resourceType` account) the event, e.g. sign_in_failed, with the account concerned as `subjectName`.
 * `subjectName` and `detail` are written by hand until the API types are regenerated.
 */
export type AuditEvent = Schema<'AuditEntryResponse'> & {
  /** The account an account event concerns, by name. */
  subjectName?: string | null;
  /** What else was kept: search terms, the filters of a read of the log, the new role… */
  detail?: string | null;
};

/** account: account events and reads of the log; phi: accesses to children's records. */
export type AuditKind = 'account' | 'phi';
export type AuditOutcome = AuditEvent['outcome'];

export interface AuditParams {
  childId?: string;
  userId?: string;
  /** ISO 8601 instants. */
  from?: string;
  to?: string;
  kind?: AuditKind;
  /** One action, e.g. sign_in_failed. */
  action?: string;
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
