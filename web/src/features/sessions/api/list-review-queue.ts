import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { NoteQueue } from './queue-types';
import { sessionsQueryKey } from './session-types';

/** `GET /api/sessions/review-queue`: notes others submitted in the last 7 days for the children the caller supervises. */
export async function listReviewQueue(signal?: AbortSignal): Promise<NoteQueue> {
  return apiFetch<NoteQueue>('/api/sessions/review-queue', { signal });
}

export function useReviewQueue() {
  return useQuery({
    queryKey: [...sessionsQueryKey, 'review-queue'],
    queryFn: ({ signal }) => listReviewQueue(signal),
  });
}
