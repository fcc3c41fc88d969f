import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import { schedulingQueryKey, type Availability } from './appointment-types';

export function availabilityQueryKey(therapistId: string) {
  return [...schedulingQueryKey, 'availability', therapistId] as const;
}

/** What the form starts from; `known` is false when the server could not say (saving then replaces everything). */
export interface AvailabilityState extends Availability {
  known: boolean;
}

/**
 * `GET /api/therapists/{id}/availability` (admins). Not in the API contract yet: a 404 or 405 answer is taken as
 * "unknown", and the editor starts empty.
 */
export async function getAvailability(therapistId: string, signal?: AbortSignal): Promise<AvailabilityState> {
  try {
    const availability = await apiFetch<Availability>(
      `/api/therapists/${encodeURIComponent(therapistId)}/availability`,
      { signal },
    );
    return { ...availability, known: true };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
      return { therapistId, blocks: [], known: false };
    }
    throw error;
  }
}

export function useAvailability(therapistId: string | undefined) {
  return useQuery({
    queryKey: availabilityQueryKey(therapistId ?? ''),
    queryFn: ({ signal }) => getAvailability(therapistId as string, signal),
    enabled: Boolean(therapistId),
  });
}
