import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Page, Schema } from '../../../lib/api-types';
import { sessionsQueryKey } from './session-types';

/** What the caseload reads of a child: its name. */
export type CaseloadChild = Pick<Schema<'ChildSummary'>, 'id' | 'firstName' | 'lastName' | 'preferredName'>;

/** `GET /api/children?status=active`: for a therapist, the active children on their care teams. */
export async function listCaseload(signal?: AbortSignal): Promise<Page<CaseloadChild>> {
  return apiFetch<Page<CaseloadChild>>('/api/children?status=active&size=50&sort=lastName,asc', { signal });
}

export function useCaseload({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...sessionsQueryKey, 'caseload'],
    queryFn: ({ signal }) => listCaseload(signal),
    enabled,
  });
}

export function caseloadName(child: CaseloadChild): string {
  return child.preferredName
    ? `${child.firstName} “${child.preferredName}” ${child.lastName}`
    : `${child.firstName} ${child.lastName}`;
}
