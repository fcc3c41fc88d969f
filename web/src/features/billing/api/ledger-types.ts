/** Shapes of the family ledger (ADR 0028), named after the generated API types (src/types/api.ts). */
import { valuesOf, type Schema } from '../../../lib/api-types';

/** A family's (child's) account: `balance` positive = owed, negative = a credit; money as decimal strings in USD. */
export type FamilyAccount = Schema<'FamilyAccountResponse'>;
/** One immutable ledger entry; `open` is set for items the family owes (charges, family shares, debit adjustments). */
export type LedgerEntry = Schema<'LedgerEntryResponse'>;
export type LedgerEntryKind = LedgerEntry['kind'];
export type FamilyPayment = Schema<'FamilyPaymentResponse'>;
export type PaymentMethod = FamilyPayment['method'];
export type FamilyPaymentRequest = Schema<'FamilyPaymentRequest'>;
export type Invoice = Schema<'InvoiceResponse'>;
export type StatementMonth = Schema<'StatementMonth'>;
export type Aging = Schema<'AgingResponse'>;
export type AgingRow = Schema<'AgingRowResponse'>;
/** The insurers' side of the aging: open claim balances per payer by days since submission. */
export type PayerAging = Schema<'PayerAgingResponse'>;
export type PayerAgingRow = Schema<'PayerAgingRowResponse'>;
/** A payment in the clinic-wide list, with its family's name. */
export type ClinicPayment = Schema<'ClinicPaymentResponse'>;

export const ledgerQueryKey = ['billing', 'ledger'] as const;

export const PAYMENT_METHODS = valuesOf<PaymentMethod>()(['cash', 'check', 'card_terminal', 'bank_transfer']);

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Cash',
  check: 'Check',
  card_terminal: 'Card (terminal)',
  bank_transfer: 'Bank transfer',
};

export const PAYMENTS_METHOD_OPTIONS = PAYMENT_METHODS.map((value) => ({
  value,
  label: PAYMENT_METHOD_LABELS[value],
}));

export const ENTRY_KIND_LABELS: Record<LedgerEntryKind, string> = {
  charge: 'Charge',
  payment: 'Payment',
  adjustment: 'Adjustment',
  refund: 'Refund',
  write_off: 'Write-off',
  patient_responsibility: 'Family share',
  reversal: 'Reversal',
};

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** "$1,234.50" from the API's decimal string (display only: amounts are never computed in the browser). */
export function formatMoney(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  return usd.format(Number(amount));
}

/** "November 2026" from "2026-11". */
export function formatMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number - 1, 1)).toLocaleDateString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
