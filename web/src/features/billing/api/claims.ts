/** Claim batches, claims (837P, CMS-1500, corrections) and remittances (X12 835), admins only. ADR 0030. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { billingQueryKey } from './authorization-types';
import { chargesQueryKey, formatMoney } from './charge-types';

export type ClaimBatch = Schema<'ClaimBatchResponse'>;
export type ClaimBatchDetail = Schema<'ClaimBatchDetailResponse'>;
export type ClaimSummary = Schema<'ClaimSummary'>;
export type ClaimState = ClaimSummary['state'];
export type Remittance = Schema<'RemittanceSummary'>;
export type RemittanceDetail = Schema<'RemittanceDetail'>;
export type RemittedClaim = Schema<'RemittedClaimResponse'>;
export type RemittanceOutcome = RemittedClaim['outcome'];

export const claimsQueryKey = [...billingQueryKey, 'claims'] as const;
export const remittancesQueryKey = [...billingQueryKey, 'remittances'] as const;

export const CLAIM_STATE_LABELS: Record<ClaimState, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  accepted: 'Accepted',
  denied: 'Denied',
  paid: 'Paid',
  partially_paid: 'Partially paid',
  void: 'Void',
};

export const CLAIM_STATE_TONES: Record<ClaimState, 'neutral' | 'success' | 'muted' | 'info' | 'warning' | 'danger'> = {
  draft: 'neutral',
  submitted: 'info',
  accepted: 'info',
  denied: 'danger',
  paid: 'success',
  partially_paid: 'warning',
  void: 'muted',
};

export const BATCH_STATUS_LABELS: Record<ClaimBatch['status'], string> = { draft: 'Draft', submitted: 'Submitted' };

export const OUTCOME_LABELS: Record<RemittanceOutcome, string> = {
  paid: 'Paid',
  partially_paid: 'Partially paid',
  denied: 'Denied',
  reversed: 'Reversed',
  unmatched: 'Unmatched',
};

export const OUTCOME_TONES: Record<RemittanceOutcome, 'neutral' | 'success' | 'muted' | 'info' | 'warning' | 'danger'> =
  {
    paid: 'success',
    partially_paid: 'warning',
    denied: 'danger',
    reversed: 'muted',
    unmatched: 'neutral',
  };

/** The "New batch" form: an insurer, and optionally the last service date to claim. */
export const newBatchSchema = z.object({
  payerId: z.string().min(1, 'Choose a payer.'),
  through: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Enter a date, or leave it empty for every ready charge.'),
});
export type NewBatchForm = z.infer<typeof newBatchSchema>;

export function useClaimBatches() {
  return useQuery({
    queryKey: [...claimsQueryKey, 'batches'],
    queryFn: ({ signal }) => apiFetch<ClaimBatch[]>('/api/claim-batches', { signal }),
  });
}

export function useClaimBatch(id: string | null) {
  return useQuery({
    queryKey: [...claimsQueryKey, 'batch', id ?? ''],
    queryFn: ({ signal }) =>
      apiFetch<ClaimBatchDetail>(`/api/claim-batches/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

function useClaimsMutation<V>(mutationFn: (variables: V) => Promise<ClaimBatchDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: claimsQueryKey });
      await queryClient.invalidateQueries({ queryKey: chargesQueryKey });
    },
  });
}

/** `POST /api/claim-batches`: 400 for private pay, 409 `no-ready-charges` when there is nothing to claim. */
export function useCreateClaimBatch() {
  return useClaimsMutation((form: NewBatchForm) =>
    apiFetch<ClaimBatchDetail>('/api/claim-batches', {
      method: 'POST',
      body: { payerId: form.payerId, through: form.through || null },
    }),
  );
}

/** `POST /api/claim-batches/{id}/submission`: 409 `batch-submitted` when it already was. */
export function useSubmitClaimBatch() {
  return useClaimsMutation((id: string) =>
    apiFetch<ClaimBatchDetail>(`/api/claim-batches/${encodeURIComponent(id)}/submission`, { method: 'POST' }),
  );
}

/** `POST /api/claims/{id}/replacement` or `/void`: a new batch of its own (frequency 7 or 8). */
export function useCorrectClaim() {
  return useClaimsMutation(({ id, kind }: { id: string; kind: 'replacement' | 'void' }) =>
    apiFetch<ClaimBatchDetail>(`/api/claims/${encodeURIComponent(id)}/${kind}`, { method: 'POST' }),
  );
}

export const batch837Path = (id: string) => `/api/claim-batches/${encodeURIComponent(id)}/837`;
export const cms1500Path = (id: string) => `/api/claims/${encodeURIComponent(id)}/cms1500`;

export function useRemittances() {
  return useQuery({
    queryKey: [...remittancesQueryKey, 'list'],
    queryFn: ({ signal }) => apiFetch<Remittance[]>('/api/remittances', { signal }),
  });
}

export async function getRemittance(id: string, signal?: AbortSignal): Promise<RemittanceDetail> {
  return apiFetch<RemittanceDetail>(`/api/remittances/${encodeURIComponent(id)}`, { signal });
}

export function useRemittance(id: string | null) {
  return useQuery({
    queryKey: [...remittancesQueryKey, 'one', id ?? ''],
    queryFn: ({ signal }) => getRemittance(id ?? '', signal),
    enabled: id !== null,
  });
}

/** `POST /api/remittances` (multipart `file`): 400 `remittance-invalid`, 409 `remittance-already-imported`. */
export function useImportRemittance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return apiFetch<RemittanceDetail[]>('/api/remittances', { method: 'POST', body });
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: remittancesQueryKey });
      await queryClient.invalidateQueries({ queryKey: claimsQueryKey });
      await queryClient.invalidateQueries({ queryKey: billingQueryKey });
    },
  });
}

/** Claims and remittances send money as JSON numbers (charges send strings): shown with two decimals. */
export function formatAmount(amount: number | null | undefined, currency: string): string {
  return formatMoney(amount == null ? null : amount.toFixed(2), currency);
}
