import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Page, Schema } from '../../../lib/api-types';
import { schedulingQueryKey } from './appointment-types';

/** What the schedule reads of a child: its name and status. */
export type ScheduleChild = Pick<Schema<'ChildSummary'>, 'id' | 'firstName' | 'lastName' | 'preferredName' | 'status'>;

/** `GET /api/children?size=200`: the children the caller may see, to name appointments (they carry only ids). */
export async function listScheduleChildren(signal?: AbortSignal): Promise<Page<ScheduleChild>> {
  return apiFetch<Page<ScheduleChild>>('/api/children?size=200&sort=lastName,asc', { signal });
}

export function useScheduleChildren() {
  return useQuery({
    queryKey: [...schedulingQueryKey, 'children'],
    queryFn: ({ signal }) => listScheduleChildren(signal),
  });
}

export function scheduleChildName(child: Pick<ScheduleChild, 'firstName' | 'lastName' | 'preferredName'>): string {
  return child.preferredName
    ? `${child.firstName} “${child.preferredName}” ${child.lastName}`
    : `${child.firstName} ${child.lastName}`;
}
