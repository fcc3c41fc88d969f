import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import type { SessionEvent } from './session-types';

/** The most events one request may carry. */
export const MAX_EVENTS_PER_BATCH = 500;

/** The events stored, and the `duplicates` the server already had (sending again is safe). */
export type PostEventsResponse = Schema<'BatchResponse'>;

/**
 * `POST /api/sessions/{id}/events`: all or nothing (400 with pointers like `/events/3/targetId` stores none),
 * idempotent by event id. Sent through the offline outbox, never directly.
 */
export async function postSessionEvents(sessionId: string, events: SessionEvent[]): Promise<PostEventsResponse> {
  return apiFetch<PostEventsResponse>(`/api/sessions/${encodeURIComponent(sessionId)}/events`, {
    method: 'POST',
    body: { events } satisfies Schema<'EventBatchRequest'>,
    // each event carries its own id: the server answers one sent twice as a duplicate
    repeatable: true,
  });
}
