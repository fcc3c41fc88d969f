import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { sessionsQueryKey } from './session-types';

/**
 * `awaitingTherapist`: sessions that have started and their therapist has not signed yet (never shown to guardians);
 * `awaitingGuardian`: submitted sessions no guardian has co-signed yet.
 */
export type UnsignedNotes = Schema<'UnsignedNotes'>;

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
