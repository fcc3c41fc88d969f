import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import type { Session } from './session-types';

export type PutSessionRequest = Schema<'SessionRequest'>;

/**
 * `PUT /api/sessions/{id}`: creates (201) or updates (200) the session whose id the client chose, so that a tablet
 * can start a session offline. 409 once the session is submitted. Sent through the offline outbox, never directly.
 */
export async function putSession(id: string, request: PutSessionRequest): Promise<Session> {
  return apiFetch<Session>(`/api/sessions/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: request,
    // the id is the client's: sending again updates the same session
    repeatable: true,
  });
}
