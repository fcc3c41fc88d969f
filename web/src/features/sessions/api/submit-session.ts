import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import type { Session } from './session-types';

export type SubmitSessionRequest = Schema<'SubmitRequest'>;

/**
 * `POST /api/sessions/{id}/submit` (the session's therapist): locks the session and may move targets to mastered.
 * Sent through the offline outbox, after the session's events.
 */
export async function submitSession(id: string, request: SubmitSessionRequest): Promise<Session> {
  return apiFetch<Session>(`/api/sessions/${encodeURIComponent(id)}/submit`, { method: 'POST', body: request });
}
