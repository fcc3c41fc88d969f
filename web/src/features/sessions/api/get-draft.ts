import { useQuery } from '@tanstack/react-query';
import { getDraft, listOpenDrafts } from '../offline/outbox';
import type { SessionDraft } from '../offline/outbox-db';
import { sessionsQueryKey } from './session-types';

/** Not an API call: the session being recorded on this device, read from the offline queue (IndexedDB). */
export function draftQueryKey(id: string) {
  return [...sessionsQueryKey, 'draft', id] as const;
}

export function useDraft(id: string) {
  return useQuery({
    queryKey: draftQueryKey(id),
    queryFn: async (): Promise<SessionDraft | null> => (await getDraft(id)) ?? null,
    networkMode: 'always',
    staleTime: Infinity,
    retry: false,
  });
}

/** The signed-in therapist's sessions on this device that were not submitted yet. */
export function useOpenDrafts(userId: string) {
  return useQuery({
    queryKey: [...sessionsQueryKey, 'drafts', userId],
    queryFn: () => listOpenDrafts(userId),
    networkMode: 'always',
    staleTime: 0,
    retry: false,
  });
}
