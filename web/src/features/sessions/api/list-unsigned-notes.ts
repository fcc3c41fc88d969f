import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { NoteQueue } from './queue-types';
import { sessionsQueryKey } from './session-types';

export interface UnsignedNotes {
  /** Sessions that have started and their therapist has not signed yet (never shown to guardians). */
  awaitingTherapist: NoteQueue;
  /** Submitted sessions no guardian has co-signed yet. */
  awaitingGuardian: NoteQueue;
}

/**
 * `GET /api/sessions/unsigned`: admins see the clinic's, therapists their caseload's, guardians the notes they may
 * co-sign.
 */
export async function listUnsignedNotes(signal?: AbortSignal): Promise<UnsignedNotes> {
  return apiFetch<UnsignedNotes>('/api/sessions/unsigned', { signal });
}

export function useUnsignedNotes() {
  return useQuery({
    queryKey: [...sessionsQueryKey, 'unsigned'],
    queryFn: ({ signal }) => listUnsignedNotes(signal),
  });
}
