import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import {
  billingSettingsQueryKey,
  chargesQueryKey,
  type BillingSettings,
  type BillingSettingsRequest,
  type ProviderNumber,
} from './charge-types';

/** `GET /api/billing-settings` (admins): every field null (and version null) until saved. */
export async function getBillingSettings(signal?: AbortSignal): Promise<BillingSettings> {
  return apiFetch<BillingSettings>('/api/billing-settings', { signal });
}

export function useBillingSettings() {
  return useQuery({ queryKey: billingSettingsQueryKey, queryFn: ({ signal }) => getBillingSettings(signal) });
}

/** `PUT /api/billing-settings`, guarded by the version the admin saw when there is one (412). */
export async function saveBillingSettings(
  request: BillingSettingsRequest,
  version: number | null,
): Promise<BillingSettings> {
  return apiFetch<BillingSettings>('/api/billing-settings', {
    method: 'PUT',
    body: request,
    headers: version === null ? {} : { 'If-Match': `"${version}"` },
  });
}

export function useSaveBillingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, version }: { request: BillingSettingsRequest; version: number | null }) =>
      saveBillingSettings(request, version),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: billingSettingsQueryKey });
      await queryClient.invalidateQueries({ queryKey: chargesQueryKey });
    },
  });
}

/** `GET /api/provider-numbers`: therapists' NPIs, by name. */
export async function listProviderNumbers(signal?: AbortSignal): Promise<ProviderNumber[]> {
  return apiFetch<ProviderNumber[]>('/api/provider-numbers', { signal });
}

export function useProviderNumbers() {
  return useQuery({
    queryKey: [...billingSettingsQueryKey, 'npis'],
    queryFn: ({ signal }) => listProviderNumbers(signal),
  });
}

/** `PUT /api/provider-numbers/{accountId}`: 400 for an NPI whose check digit is wrong, 409 `npi-taken`. */
export async function saveProviderNumber(accountId: string, npi: string): Promise<ProviderNumber> {
  return apiFetch<ProviderNumber>(`/api/provider-numbers/${encodeURIComponent(accountId)}`, {
    method: 'PUT',
    body: { npi },
  });
}

export function useSaveProviderNumber() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, npi }: { accountId: string; npi: string }) => saveProviderNumber(accountId, npi),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: billingSettingsQueryKey });
      await queryClient.invalidateQueries({ queryKey: chargesQueryKey });
    },
  });
}

/** Therapists to give an NPI: `GET /api/users?role=therapist` (admins), the first 200 by name. */
export interface TherapistOption {
  id: string;
  name: string;
  credential: string | null;
}

export async function listTherapists(signal?: AbortSignal): Promise<TherapistOption[]> {
  const page = await apiFetch<{ content: TherapistOption[] }>('/api/users?role=therapist&size=200', { signal });
  return page.content;
}

export function useTherapistOptions() {
  return useQuery({
    queryKey: [...billingSettingsQueryKey, 'therapists'],
    queryFn: ({ signal }) => listTherapists(signal),
  });
}
