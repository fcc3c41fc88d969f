import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import type { Proposal } from './appointment-types';

/** A new start (and end, else the length stays) and optionally another therapist of the child's care team. */
export type PlacementChange = Schema<'PlacementRequest'>;

function placementPath(proposal: Proposal, placementId: string): string {
  return `/api/schedule/proposals/${encodeURIComponent(proposal.id)}/placements/${encodeURIComponent(placementId)}`;
}

/**
 * `PATCH /api/schedule/proposals/{id}/placements/{placementId}` (admins): moves a placed session of the draft; 409
 * with what is in the way, 400 for a time outside the week or a therapist off the care team.
 */
export async function movePlacement(proposal: Proposal, placementId: string, change: PlacementChange) {
  return apiFetch<Proposal>(placementPath(proposal, placementId), {
    method: 'PATCH',
    body: change,
    headers: { 'If-Match': `"${proposal.version}"` },
  });
}

/** `DELETE /api/schedule/proposals/{id}/placements/{placementId}` (admins): its hours become unplaced. */
export async function removePlacement(proposal: Proposal, placementId: string) {
  return apiFetch<Proposal>(placementPath(proposal, placementId), {
    method: 'DELETE',
    headers: { 'If-Match': `"${proposal.version}"` },
  });
}

export function useMovePlacement() {
  return useMutation({
    mutationFn: ({
      proposal,
      placementId,
      change,
    }: {
      proposal: Proposal;
      placementId: string;
      change: PlacementChange;
    }) => movePlacement(proposal, placementId, change),
  });
}

export function useRemovePlacement() {
  return useMutation({
    mutationFn: ({ proposal, placementId }: { proposal: Proposal; placementId: string }) =>
      removePlacement(proposal, placementId),
  });
}
