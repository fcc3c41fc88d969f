import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { chargeQueryKey, type Charge } from './charge-types';

/** `GET /api/charges/{id}` (admins). */
export async function getCharge(id: string, signal?: AbortSignal): Promise<Charge> {
  return apiFetch<Charge>(`/api/charges/${encodeURIComponent(id)}`, { signal });
}

export function useCharge(id: string | null) {
  return useQuery({
    queryKey: chargeQueryKey(id ?? ''),
    queryFn: ({ signal }) => getCharge(id ?? '', signal),
    enabled: id !== null,
  });
}
