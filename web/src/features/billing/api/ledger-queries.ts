import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-types';
import {
  ledgerQueryKey,
  type Aging,
  type ClinicPayment,
  type FamilyAccount,
  type FamilyPayment,
  type Invoice,
  type LedgerEntry,
  type PayerAging,
  type PaymentMethod,
  type StatementMonth,
} from './ledger-types';

const child = (childId: string) => `/api/children/${encodeURIComponent(childId)}`;

/** `GET /api/family-accounts`: admins every family with entries, a parent their own children. */
export function useFamilyAccounts(page: number, size = 20) {
  return useQuery({
    queryKey: [...ledgerQueryKey, 'accounts', page, size],
    queryFn: ({ signal }) =>
      apiFetch<Page<FamilyAccount>>(`/api/family-accounts${toQueryString({ page, size })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/children/{id}/account`: one family's balance (admins and the child's guardians). */
export function useFamilyAccount(childId: string, enabled = true) {
  return useQuery({
    queryKey: [...ledgerQueryKey, childId, 'account'],
    enabled,
    queryFn: ({ signal }) => apiFetch<FamilyAccount>(`${child(childId)}/account`, { signal }),
  });
}

/** `GET /api/children/{id}/ledger-entries`, the latest first. */
export function useLedgerEntries(childId: string, page: number, size = 20) {
  return useQuery({
    queryKey: [...ledgerQueryKey, childId, 'entries', page, size],
    queryFn: ({ signal }) =>
      apiFetch<Page<LedgerEntry>>(`${child(childId)}/ledger-entries${toQueryString({ page, size })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

const OPEN_ITEMS_PAGE_SIZE = 200;
const OPEN_ITEMS_MAX_PAGES = 10;

/** Whole cents of a decimal string, only to know when every open item was found (never shown or sent). */
const cents = (amount: string | null | undefined) => Math.round(Number(amount ?? 0) * 100);

/**
 * The family's open items, oldest first: what a credit may be applied to (`appliesTo`). The API has no list of open
 * items, so this reads the ledger newest first, 200 entries a page, until the items found add up to what the account
 * says is open (or the ledger ends; at most 2,000 entries).
 */
export function useOpenItems(childId: string, enabled = true) {
  const account = useFamilyAccount(childId, enabled);
  const openTotal = account.data?.open;
  return useQuery({
    queryKey: [...ledgerQueryKey, childId, 'open-items', openTotal ?? ''],
    enabled: enabled && openTotal !== undefined,
    queryFn: async ({ signal }) => {
      const wanted = cents(openTotal);
      const items: LedgerEntry[] = [];
      let found = 0;
      for (let page = 0; page < OPEN_ITEMS_MAX_PAGES && found < wanted; page++) {
        const entries = await apiFetch<Page<LedgerEntry>>(
          `${child(childId)}/ledger-entries${toQueryString({ page, size: OPEN_ITEMS_PAGE_SIZE })}`,
          { signal },
        );
        for (const entry of entries.content) {
          if (cents(entry.open) > 0) {
            items.push(entry);
            found += cents(entry.open);
          }
        }
        if (page + 1 >= entries.page.totalPages) break;
      }
      return items.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.recordedAt.localeCompare(b.recordedAt));
    },
  });
}

/** `GET /api/children/{id}/payments`, the latest received first. */
export function usePayments(childId: string, page = 0, size = 20) {
  return useQuery({
    queryKey: [...ledgerQueryKey, childId, 'payments', page, size],
    queryFn: ({ signal }) =>
      apiFetch<Page<FamilyPayment>>(`${child(childId)}/payments${toQueryString({ page, size })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/children/{id}/invoices`: invoices and credit notes, the newest first. */
export function useInvoices(childId: string, page = 0, size = 20) {
  return useQuery({
    queryKey: [...ledgerQueryKey, childId, 'invoices', page, size],
    queryFn: ({ signal }) =>
      apiFetch<Page<Invoice>>(`${child(childId)}/invoices${toQueryString({ page, size })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/children/{id}/statements`: the months with a statement, the latest first. */
export function useStatementMonths(childId: string) {
  return useQuery({
    queryKey: [...ledgerQueryKey, childId, 'statements'],
    queryFn: ({ signal }) => apiFetch<StatementMonth[]>(`${child(childId)}/statements`, { signal }),
  });
}

/** `GET /api/family-accounts/aging` (admins). */
export function useAging(asOf?: string) {
  return useQuery({
    queryKey: [...ledgerQueryKey, 'aging', asOf ?? ''],
    queryFn: ({ signal }) => apiFetch<Aging>(`/api/family-accounts/aging${toQueryString({ asOf })}`, { signal }),
  });
}

/** `GET /api/claims/aging` (admins): the insurers' open claim balances by age. */
export function usePayerAging(asOf?: string) {
  return useQuery({
    queryKey: [...ledgerQueryKey, 'payer-aging', asOf ?? ''],
    queryFn: ({ signal }) => apiFetch<PayerAging>(`/api/claims/aging${toQueryString({ asOf })}`, { signal }),
  });
}

export interface ClinicPaymentsFilter {
  from?: string;
  to?: string;
  method?: PaymentMethod;
  page: number;
  size?: number;
}

/** `GET /api/payments` (admins): every family's payments, the latest received first. */
export function useClinicPayments({ from, to, method, page, size = 20 }: ClinicPaymentsFilter) {
  return useQuery({
    queryKey: [...ledgerQueryKey, 'clinic-payments', from ?? '', to ?? '', method ?? '', page, size],
    queryFn: ({ signal }) =>
      apiFetch<Page<ClinicPayment>>(`/api/payments${toQueryString({ from, to, method, page, size })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
