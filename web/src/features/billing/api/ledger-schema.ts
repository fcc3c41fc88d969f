import { z } from 'zod';
import { isValidDay } from '../../../lib/dates';
import { PAYMENT_METHODS, type FamilyPaymentRequest } from './ledger-types';

/** An amount as the API takes it: digits with at most two decimals, more than zero. */
const amount = z
  .string()
  .trim()
  .min(1, 'Enter an amount')
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'Enter an amount such as 125.50 (at most two decimals)')
  .refine((value) => Number(value) > 0, 'Enter an amount above zero');

const reason = z.string().trim().min(1, 'Say why').max(300, 'Use at most 300 characters');

export const paymentFormSchema = z
  .object({
    method: z.enum(PAYMENT_METHODS, { message: 'Choose how the family paid' }),
    reference: z.string().trim().max(100, 'Use at most 100 characters'),
    amount,
    receivedOn: z.string().min(1, 'Enter the day it was received').refine(isValidDay, 'Enter a real date'),
    note: z.string().trim().max(500, 'Use at most 500 characters'),
  })
  .refine((form) => form.method !== 'check' || form.reference.length > 0, {
    path: ['reference'],
    message: 'Enter the check number',
  });

export type PaymentForm = z.infer<typeof paymentFormSchema>;

export const PAYMENT_FIELDS = [
  'method',
  'reference',
  'amount',
  'receivedOn',
  'note',
] as const satisfies readonly (keyof PaymentForm)[];

export function toPaymentRequest(form: PaymentForm): FamilyPaymentRequest {
  return {
    method: form.method,
    reference: form.reference || null,
    amount: form.amount,
    currency: 'USD',
    receivedOn: form.receivedOn,
    note: form.note || null,
  } as FamilyPaymentRequest;
}

export const refundFormSchema = z.object({ amount, reason, deallocate: z.boolean() });
export type RefundForm = z.infer<typeof refundFormSchema>;
export const REFUND_FIELDS = ['amount', 'reason', 'deallocate'] as const satisfies readonly (keyof RefundForm)[];

export const writeOffFormSchema = z.object({ amount, reason });
export type WriteOffForm = z.infer<typeof writeOffFormSchema>;
export const WRITE_OFF_FIELDS = ['amount', 'reason'] as const satisfies readonly (keyof WriteOffForm)[];

export const voidFormSchema = z.object({ reason });
export type VoidForm = z.infer<typeof voidFormSchema>;
export const VOID_FIELDS = ['reason'] as const satisfies readonly (keyof VoidForm)[];

export const invoiceFormSchema = z.object({
  lines: z
    .array(
      z.object({
        description: z.string().trim().min(1, 'Describe the service').max(200, 'Use at most 200 characters'),
        serviceDate: z.string().min(1, 'Enter the date of service').refine(isValidDay, 'Enter a real date'),
        quantity: z
          .string()
          .trim()
          .regex(/^\d+$/, 'Enter a whole number')
          .refine((value) => Number(value) >= 1 && Number(value) <= 1000, 'Enter 1 to 1000'),
        unitPrice: amount,
      }),
    )
    .min(1, 'Add a line')
    .max(100, 'At most 100 lines'),
});
export type InvoiceForm = z.infer<typeof invoiceFormSchema>;

/** Server pointers `/lines/0/unitPrice` map to the form's `lines.0.unitPrice`. */
export function invoiceField(
  path: string,
): `lines.${number}.${'description' | 'serviceDate' | 'quantity' | 'unitPrice'}` | undefined {
  const match = /^lines\.(\d+)\.(description|serviceDate|quantity|unitPrice)$/.exec(path);
  return match ? (`lines.${Number(match[1])}.${match[2]}` as never) : undefined;
}

/**
 * A manual adjustment: a signed amount (negative: a credit), the day and what the family reads; a credit may name the
 * open item it reduces (empty: the oldest open items first, as payments are applied).
 */
export const adjustmentFormSchema = z.object({
  direction: z.enum(['debit', 'credit']),
  amount,
  occurredOn: z.string().min(1, 'Enter the day').refine(isValidDay, 'Enter a real date'),
  description: z.string().trim().min(1, 'Describe the adjustment').max(300, 'Use at most 300 characters'),
  appliesTo: z.string(),
});
export type AdjustmentForm = z.infer<typeof adjustmentFormSchema>;

/**
 * Where the server's pointers land: `/amount` (and a limit such as "must be at most 40.00") on the amount; a refused
 * item (`/appliesTo`: not an open item of the child, 409 entry-not-an-item in a credit's words) on the item choice.
 */
export function adjustmentField(path: string): 'amount' | 'occurredOn' | 'description' | 'appliesTo' | undefined {
  if (path === 'amount' || path === 'currency') return 'amount';
  if (path === 'occurredOn' || path === 'description') return path;
  if (path === 'appliesTo') return 'appliesTo';
  return undefined;
}

export function toAdjustmentRequest(form: AdjustmentForm) {
  const credit = form.direction === 'credit';
  return {
    amount: credit ? `-${form.amount}` : form.amount,
    currency: 'USD' as const,
    occurredOn: form.occurredOn,
    description: form.description,
    ...(credit && form.appliesTo ? { appliesTo: form.appliesTo } : {}),
  };
}

export const reversalFormSchema = z.object({ reason });
export type ReversalForm = z.infer<typeof reversalFormSchema>;
export const REVERSAL_FIELDS = ['reason'] as const satisfies readonly (keyof ReversalForm)[];

export const creditNoteFormSchema = z.object({
  amount,
  reason: z.string().trim().min(1, 'Say why').max(200, 'Use at most 200 characters'),
});
export type CreditNoteForm = z.infer<typeof creditNoteFormSchema>;
export const CREDIT_NOTE_FIELDS = ['amount', 'reason'] as const satisfies readonly (keyof CreditNoteForm)[];
