import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-types';
import { childrenQueryKey } from './child-types';

/** What the modules record (`ChangeHistory.record` calls): a child's record, its care, billing and attendance. */
export type HistoryEntity =
  | 'child'
  | 'guardian'
  | 'careTeam'
  | 'program'
  | 'target'
  | 'authorization'
  | 'coverage'
  | 'invoice'
  | 'payment'
  | 'ledger_entry'
  | 'appointment';
export type HistoryAction =
  | 'created'
  | 'updated'
  | 'archived'
  | 'added'
  | 'removed'
  | 'phase_changed'
  | 'deleted'
  | 'issued'
  | 'voided'
  | 'credit_note_issued'
  | 'recorded'
  | 'refunded'
  | 'charge_posted'
  | 'family_share_posted'
  | 'reversed'
  | 'written_off'
  | 'adjusted'
  | 'checked_in_early'
  | 'completed_early'
  | 'no_show_early';

export interface HistoryChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface HistoryEntry {
  id: string;
  at: string;
  /** Null when the system made the change (e.g. an automatic mastery). */
  by: { id: string; name: string } | null;
  entity: HistoryEntity;
  entityId: string;
  action: HistoryAction;
  changes: HistoryChange[];
}

/** `GET /api/children/{id}/history`: changes to the child's record, newest first. */
export async function getChildHistory(
  childId: string,
  params: { page: number; size: number },
  signal?: AbortSignal,
): Promise<Page<HistoryEntry>> {
  return apiFetch<Page<HistoryEntry>>(`/api/children/${encodeURIComponent(childId)}/history${toQueryString(params)}`, {
    signal,
  });
}

export function useChildHistory(childId: string, params: { page: number; size: number }) {
  return useQuery({
    queryKey: [...childrenQueryKey, 'history', childId, params],
    queryFn: ({ signal }) => getChildHistory(childId, params, signal),
    placeholderData: keepPreviousData,
    // Programs and targets change the history too, from screens that do not know this key.
    staleTime: 0,
  });
}
