import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import {
  chargesQueryKey,
  payersQueryKey,
  ratesQueryKey,
  type CatalogueEntry,
  type FeeRate,
  type FeeRateRequest,
  type Payer,
  type PayerRequest,
} from './charge-types';

/** `GET /api/payers` (admins): private pay first, then insurers by name. */
export async function listPayers(signal?: AbortSignal): Promise<Payer[]> {
  return apiFetch<Payer[]>('/api/payers', { signal });
}

export function usePayers() {
  return useQuery({ queryKey: [...payersQueryKey, 'list'], queryFn: ({ signal }) => listPayers(signal) });
}

export async function getPayer(id: string): Promise<Payer> {
  return apiFetch<Payer>(`/api/payers/${encodeURIComponent(id)}`);
}

/**
 * `POST /api/payers` or, with an id and the version the admin saw, `PUT /api/payers/{id}` (412 when someone changed
 * it in between). 409 `payer-name-taken` when another payer has the name.
 */
export async function savePayer(request: PayerRequest, id?: string, version?: number): Promise<Payer> {
  if (id === undefined) return apiFetch<Payer>('/api/payers', { method: 'POST', body: request });
  return apiFetch<Payer>(`/api/payers/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: request,
    headers: { 'If-Match': `"${version ?? 0}"` },
  });
}

export function useSavePayer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, id, version }: { request: PayerRequest; id?: string; version?: number }) =>
      savePayer(request, id, version),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: payersQueryKey });
      await queryClient.invalidateQueries({ queryKey: chargesQueryKey });
    },
  });
}

/** `GET /api/payers/{id}/rates`: the payer's fee schedule, by code, the latest first. */
export async function listRates(payerId: string, signal?: AbortSignal): Promise<FeeRate[]> {
  return apiFetch<FeeRate[]>(`/api/payers/${encodeURIComponent(payerId)}/rates`, { signal });
}

export function useRates(payerId: string | null) {
  return useQuery({
    queryKey: ratesQueryKey(payerId ?? ''),
    queryFn: ({ signal }) => listRates(payerId ?? '', signal),
    enabled: payerId !== null,
  });
}

/** `POST /api/payers/{id}/rates`, or `PUT /api/rates/{id}`; 409 `billing-dates-overlap` for overlapping dates. */
export async function saveRate(payerId: string, request: FeeRateRequest, rateId?: string): Promise<FeeRate> {
  if (rateId === undefined) {
    return apiFetch<FeeRate>(`/api/payers/${encodeURIComponent(payerId)}/rates`, { method: 'POST', body: request });
  }
  return apiFetch<FeeRate>(`/api/rates/${encodeURIComponent(rateId)}`, { method: 'PUT', body: request });
}

export function useSaveRate(payerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, rateId }: { request: FeeRateRequest; rateId?: string }) =>
      saveRate(payerId, request, rateId),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: payersQueryKey });
      await queryClient.invalidateQueries({ queryKey: chargesQueryKey });
    },
  });
}

export async function deleteRate(rateId: string): Promise<void> {
  await apiFetch<void>(`/api/rates/${encodeURIComponent(rateId)}`, { method: 'DELETE' });
}

export function useDeleteRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rateId: string) => deleteRate(rateId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: payersQueryKey }),
  });
}

/** `GET /api/service-catalogue`: each code, who may deliver it, and every payer's modifier and today's rate. */
export async function getServiceCatalogue(signal?: AbortSignal): Promise<CatalogueEntry[]> {
  return apiFetch<CatalogueEntry[]>('/api/service-catalogue', { signal });
}

export function useServiceCatalogue() {
  return useQuery({
    queryKey: [...payersQueryKey, 'catalogue'],
    queryFn: ({ signal }) => getServiceCatalogue(signal),
  });
}
