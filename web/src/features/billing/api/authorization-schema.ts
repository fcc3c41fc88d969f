import { z } from 'zod';
import { isValidDay } from '../../../lib/dates';
import type { Authorization, AuthorizationRequest } from './authorization-types';

const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`);

/** The authorization form as its inputs hold it (strings); the server checks the same rules again. */
export const authorizationFormSchema = z
  .object({
    payer: z.string().trim().min(1, 'Enter the payer').max(200, 'Use at most 200 characters'),
    memberId: optionalText(100),
    authorizationNumber: z
      .string()
      .trim()
      .min(1, 'Enter the authorization number')
      .max(100, 'Use at most 100 characters'),
    serviceCode: z.string().min(1, 'Choose a service'),
    unitsAuthorized: z
      .string()
      .trim()
      .regex(/^\d+$/, 'Enter a whole number of units')
      .refine((units) => Number(units) >= 1 && Number(units) <= 100000, 'Enter 1 to 100000 units'),
    startDate: z.string().min(1, 'Enter the first day').refine(isValidDay, 'Enter a real date'),
    endDate: z.string().min(1, 'Enter the last day').refine(isValidDay, 'Enter a real date'),
    notes: optionalText(2000),
  })
  .refine((form) => !form.startDate || !form.endDate || form.endDate >= form.startDate, {
    path: ['endDate'],
    message: 'The last day cannot be before the first day',
  });

export type AuthorizationForm = z.infer<typeof authorizationFormSchema>;

export const AUTHORIZATION_FIELDS = [
  'payer',
  'memberId',
  'authorizationNumber',
  'serviceCode',
  'unitsAuthorized',
  'startDate',
  'endDate',
  'notes',
] as const satisfies readonly (keyof AuthorizationForm)[];

export const EMPTY_AUTHORIZATION_FORM: AuthorizationForm = {
  payer: '',
  memberId: '',
  authorizationNumber: '',
  serviceCode: '97153',
  unitsAuthorized: '',
  startDate: '',
  endDate: '',
  notes: '',
};

export function toAuthorizationForm(authorization: Authorization): AuthorizationForm {
  return {
    payer: authorization.payer,
    memberId: authorization.memberId ?? '',
    authorizationNumber: authorization.authorizationNumber,
    serviceCode: authorization.serviceCode,
    unitsAuthorized: String(authorization.unitsAuthorized),
    startDate: authorization.startDate,
    endDate: authorization.endDate,
    notes: authorization.notes ?? '',
  };
}

export function toAuthorizationRequest(form: AuthorizationForm): AuthorizationRequest {
  return {
    payer: form.payer.trim(),
    memberId: form.memberId.trim() || null,
    authorizationNumber: form.authorizationNumber.trim(),
    serviceCode: form.serviceCode,
    unitsAuthorized: Number(form.unitsAuthorized),
    startDate: form.startDate,
    endDate: form.endDate,
    notes: form.notes.trim() || null,
  };
}
