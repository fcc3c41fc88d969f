import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import {
  ledgerQueryKey,
  type FamilyPayment,
  type FamilyPaymentRequest,
  type Invoice,
  type LedgerEntry,
} from './ledger-types';

function useLedgerMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ledgerQueryKey }),
  });
}

/**
 * `POST /api/children/{id}/payments` (admins) with an `Idempotency-Key`: the dialog makes one key per payment and
 * sends it again on a retry, so a double click or a lost answer stores one payment. The same key with other terms
 * is a 409 (idempotency-key-reused).
 */
export function recordPayment(childId: string, idempotencyKey: string, request: FamilyPaymentRequest) {
  return apiFetch<FamilyPayment>(`/api/children/${encodeURIComponent(childId)}/payments`, {
    method: 'POST',
    body: request,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useRecordPayment(childId: string) {
  return useLedgerMutation(({ key, request }: { key: string; request: FamilyPaymentRequest }) =>
    recordPayment(childId, key, request),
  );
}

/** `POST /api/payments/{id}/refunds` (admins). */
export function useRefundPayment() {
  return useLedgerMutation(
    ({
      paymentId,
      amount,
      reason,
      deallocate,
    }: {
      paymentId: string;
      amount: string;
      reason: string;
      deallocate: boolean;
    }) =>
      apiFetch<LedgerEntry>(`/api/payments/${encodeURIComponent(paymentId)}/refunds`, {
        method: 'POST',
        body: { amount, reason, deallocate },
      }),
  );
}

/** `POST /api/children/{id}/write-offs` (admins): forgives part or all of an open item. */
export function useWriteOff(childId: string) {
  return useLedgerMutation(({ entryId, amount, reason }: { entryId: string; amount: string; reason: string }) =>
    apiFetch<LedgerEntry>(`/api/children/${encodeURIComponent(childId)}/write-offs`, {
      method: 'POST',
      body: { entryId, amount, reason },
    }),
  );
}

/** `POST /api/invoices/{id}/issue` (admins): numbers a draft and posts its lines. */
export function useIssueInvoice() {
  return useLedgerMutation((invoiceId: string) =>
    apiFetch<Invoice>(`/api/invoices/${encodeURIComponent(invoiceId)}/issue`, { method: 'POST', body: {} }),
  );
}

/** `POST /api/invoices/{id}/void` (admins): its charges are reversed. */
export function useVoidInvoice() {
  return useLedgerMutation(({ invoiceId, reason }: { invoiceId: string; reason: string }) =>
    apiFetch<Invoice>(`/api/invoices/${encodeURIComponent(invoiceId)}/void`, { method: 'POST', body: { reason } }),
  );
}

/** `POST /api/children/{id}/invoices` (admins): a draft; nothing is posted until it is issued. */
export function useCreateInvoice(childId: string) {
  return useLedgerMutation(
    (lines: { description: string; serviceDate: string; quantity: number; unitPrice: string }[]) =>
      apiFetch<Invoice>(`/api/children/${encodeURIComponent(childId)}/invoices`, { method: 'POST', body: { lines } }),
  );
}

/**
 * `POST /api/children/{id}/adjustments` (admins): positive, the family owes more; negative, a credit (applied to an
 * open item when `appliesTo` names one).
 */
export function useAdjustBalance(childId: string) {
  return useLedgerMutation(
    (request: { amount: string; currency: 'USD'; occurredOn: string; description: string; appliesTo?: string }) =>
      apiFetch<LedgerEntry>(`/api/children/${encodeURIComponent(childId)}/adjustments`, {
        method: 'POST',
        body: request,
      }),
  );
}

/** `POST /api/ledger-entries/{id}/reversal` (admins): posts the opposite amount, once. */
export function useReverseEntry() {
  return useLedgerMutation(({ entryId, reason }: { entryId: string; reason: string }) =>
    apiFetch<LedgerEntry>(`/api/ledger-entries/${encodeURIComponent(entryId)}/reversal`, {
      method: 'POST',
      body: { reason },
    }),
  );
}

/** `POST /api/invoices/{id}/credit-notes` (admins): credits at most what is open on the invoice. */
export function useIssueCreditNote() {
  return useLedgerMutation(({ invoiceId, amount, reason }: { invoiceId: string; amount: string; reason: string }) =>
    apiFetch<Invoice>(`/api/invoices/${encodeURIComponent(invoiceId)}/credit-notes`, {
      method: 'POST',
      body: { amount, reason },
    }),
  );
}
