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
