import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import {
  chargesQueryKey,
  childCoveragesQueryKey,
  coveragesQueryKey,
  type Coverage,
  type CoverageRequest,
} from './charge-types';

/** `GET /api/children/{id}/coverages` (admins; a technician or guardian gets 403), the latest start first. */
export async function listChildCoverages(childId: string, signal?: AbortSignal): Promise<Coverage[]> {
  return apiFetch<Coverage[]>(`/api/children/${encodeURIComponent(childId)}/coverages`, { signal });
}

export function useChildCoverages(childId: string) {
  return useQuery({
    queryKey: childCoveragesQueryKey(childId),
    queryFn: ({ signal }) => listChildCoverages(childId, signal),
  });
}

export async function getCoverage(id: string): Promise<Coverage> {
  return apiFetch<Coverage>(`/api/coverages/${encodeURIComponent(id)}`);
}

/**
 * `POST /api/children/{id}/coverages`, or `PUT /api/coverages/{id}` guarded by the version the admin saw (412).
 * 409 `billing-dates-overlap` when another coverage of the same priority covers some of the dates.
 */
export async function saveCoverage(
  childId: string,
  request: CoverageRequest,
  id?: string,
  version?: number,
): Promise<Coverage> {
  if (id === undefined) {
    return apiFetch<Coverage>(`/api/children/${encodeURIComponent(childId)}/coverages`, {
      method: 'POST',
      body: request,
    });
  }
  return apiFetch<Coverage>(`/api/coverages/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: request,
    headers: { 'If-Match': `"${version ?? 0}"` },
  });
}

export function useSaveCoverage(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, id, version }: { request: CoverageRequest; id?: string; version?: number }) =>
      saveCoverage(childId, request, id, version),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: coveragesQueryKey });
      await queryClient.invalidateQueries({ queryKey: chargesQueryKey });
    },
  });
}

/** `DELETE /api/coverages/{id}`: 409 `coverage-charged` once charges were billed under it. */
export async function deleteCoverage(id: string): Promise<void> {
  await apiFetch<void>(`/api/coverages/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteCoverage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteCoverage(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: coveragesQueryKey }),
  });
}
