import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { chargesQueryKey, type Charge, type RecheckResult } from './charge-types';

/**
 * `POST /api/charges/{id}/void` (admins) with a reason, guarded by the version the admin saw (`If-Match`: 412 when
 * it changed). 409 `charge-closed` for a claimed or void charge.
 */
export async function voidCharge(id: string, version: number, reason: string): Promise<Charge> {
  return apiFetch<Charge>(`/api/charges/${encodeURIComponent(id)}/void`, {
    method: 'POST',
    body: { reason },
    headers: { 'If-Match': `"${version}"` },
  });
}

/** `POST /api/charges/{id}/recheck`: prices the charge anew and runs the claim check again. */
export async function recheckCharge(id: string): Promise<Charge> {
  return apiFetch<Charge>(`/api/charges/${encodeURIComponent(id)}/recheck`, { method: 'POST', body: {} });
}

/** `POST /api/charges/recheck`: checks every held charge again. */
export async function recheckHeldCharges(): Promise<RecheckResult> {
  return apiFetch<RecheckResult>('/api/charges/recheck', { method: 'POST', body: {} });
}

export function useVoidCharge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: string; version: number; reason: string }) =>
      voidCharge(id, version, reason),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chargesQueryKey }),
  });
}

export function useRecheckCharge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => recheckCharge(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chargesQueryKey }),
  });
}

export function useRecheckHeldCharges() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => recheckHeldCharges(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chargesQueryKey }),
  });
}
