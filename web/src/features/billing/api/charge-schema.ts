import { z } from 'zod';
import { isValidDay } from '../../../lib/dates';
import { CLAIM_FILING_INDICATORS } from './charge-types';
import type {
  BillingSettings,
  BillingSettingsRequest,
  Coverage,
  CoverageRequest,
  FeeRate,
  FeeRateRequest,
  Payer,
  PayerRequest,
  RoundingRule,
} from './charge-types';

/** The void form: why the charge will never be billed. */
export const voidChargeSchema = z.object({
  reason: z.string().trim().min(1, 'Say why the charge is voided').max(500, 'Use at most 500 characters'),
});
export type VoidChargeForm = z.infer<typeof voidChargeSchema>;

const optional = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`);
const modifier = z
  .string()
  .trim()
  .regex(/^([A-Za-z0-9]{2})?$/, 'Two letters or digits, e.g. HM');
const optionalDay = z.string().refine((day) => day === '' || isValidDay(day), 'Enter a real date');

/** The payer form as its inputs hold it (strings); the server checks the same rules again. */
export const payerFormSchema = z.object({
  name: z.string().trim().min(1, 'Enter the payer’s name').max(200, 'Use at most 200 characters'),
  x12PayerId: z
    .string()
    .trim()
    .regex(/^([A-Za-z0-9]{2,80})?$/, '2 to 80 letters and digits'),
  roundingRule: z.enum(['cms_8_minute', 'whole_units']),
  claimFilingIndicator: z.enum(CLAIM_FILING_INDICATORS),
  requiresAuthorization: z.boolean(),
  active: z.boolean(),
  line1: optional(200),
  city: optional(100),
  state: z
    .string()
    .trim()
    .regex(/^([A-Za-z]{2})?$/, 'Two letters, e.g. CA'),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5}(-?\d{4})?)?$/, 'A ZIP code of 5 or 9 digits'),
  modifierBCBA: modifier,
  modifierBCaBA: modifier,
  modifierRBT: modifier,
});
export type PayerForm = z.infer<typeof payerFormSchema>;

export const PAYER_FIELDS = [
  'name',
  'x12PayerId',
  'roundingRule',
  'claimFilingIndicator',
  'line1',
  'city',
  'state',
  'postalCode',
] as const satisfies readonly (keyof PayerForm)[];

/** The server's pointer for a payer field (`/address/state`, `/modifiers/RBT`) as the form names it. */
export function payerField(path: string): keyof PayerForm | undefined {
  if (path.startsWith('address.')) return path.slice('address.'.length) as keyof PayerForm;
  if (path.startsWith('modifiers.')) return `modifier${path.slice('modifiers.'.length)}` as keyof PayerForm;
  return (PAYER_FIELDS as readonly string[]).includes(path) ? (path as keyof PayerForm) : undefined;
}

export function toPayerForm(payer: Payer | null): PayerForm {
  return {
    name: payer?.name ?? '',
    x12PayerId: payer?.x12PayerId ?? '',
    roundingRule: payer?.roundingRule ?? 'cms_8_minute',
    claimFilingIndicator: payer?.claimFilingIndicator ?? 'CI',
    requiresAuthorization: payer?.requiresAuthorization ?? true,
    active: payer?.active ?? true,
    line1: payer?.address.line1 ?? '',
    city: payer?.address.city ?? '',
    state: payer?.address.state ?? '',
    postalCode: payer?.address.postalCode ?? '',
    modifierBCBA: payer?.modifiers.BCBA ?? '',
    modifierBCaBA: payer?.modifiers.BCaBA ?? '',
    modifierRBT: payer?.modifiers.RBT ?? '',
  };
}

export function toPayerRequest(form: PayerForm, payer: Payer | null): PayerRequest {
  const modifiers: Record<string, string> = {};
  if (form.modifierBCBA) modifiers.BCBA = form.modifierBCBA.toUpperCase();
  if (form.modifierBCaBA) modifiers.BCaBA = form.modifierBCaBA.toUpperCase();
  if (form.modifierRBT) modifiers.RBT = form.modifierRBT.toUpperCase();
  return {
    name: form.name.trim(),
    x12PayerId: form.x12PayerId.trim() || null,
    roundingRule: form.roundingRule satisfies RoundingRule,
    claimFilingIndicator: form.claimFilingIndicator,
    requiresAuthorization: form.requiresAuthorization,
    currency: payer?.currency ?? 'USD',
    active: form.active,
    address: {
      line1: form.line1.trim() || null,
      line2: payer?.address.line2 ?? null,
      city: form.city.trim() || null,
      state: form.state.trim().toUpperCase() || null,
      postalCode: form.postalCode.trim() || null,
    },
    modifiers,
  };
}

/** A rate of a fee schedule: the amount as typed, e.g. "62.50". */
export const rateFormSchema = z
  .object({
    serviceCode: z.string().min(1, 'Choose a service'),
    ratePerUnit: z
      .string()
      .trim()
      .regex(/^\d{1,5}(\.\d{1,2})?$/, 'An amount such as 62.50')
      .refine((rate) => Number(rate) <= 10000, 'At most 10000.00 a unit'),
    effectiveFrom: z.string().min(1, 'Enter the first day').refine(isValidDay, 'Enter a real date'),
    effectiveTo: optionalDay,
  })
  .refine((form) => !form.effectiveTo || form.effectiveTo >= form.effectiveFrom, {
    path: ['effectiveTo'],
    message: 'The last day cannot be before the first day',
  });
export type RateForm = z.infer<typeof rateFormSchema>;
export const RATE_FIELDS = ['serviceCode', 'ratePerUnit', 'effectiveFrom', 'effectiveTo'] as const;

export function toRateForm(rate: FeeRate | null): RateForm {
  return {
    serviceCode: rate?.serviceCode ?? '97153',
    ratePerUnit: rate?.ratePerUnit ?? '',
    effectiveFrom: rate?.effectiveFrom ?? '',
    effectiveTo: rate?.effectiveTo ?? '',
  };
}

export function toRateRequest(form: RateForm): FeeRateRequest {
  return {
    serviceCode: form.serviceCode,
    ratePerUnit: form.ratePerUnit.trim(),
    effectiveFrom: form.effectiveFrom,
    effectiveTo: form.effectiveTo || null,
  };
}

/** ICD-10-CM as the children module writes it: F84.0. */
const ICD10 = /^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$/;

/** A child's coverage; diagnosis codes as one text, separated by commas or spaces. */
export const coverageFormSchema = z
  .object({
    payerId: z.string().min(1, 'Choose the insurer'),
    memberId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{0,80}$/, 'Letters, digits and dashes'),
    groupNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{0,50}$/, 'Letters, digits and dashes'),
    subscriberName: optional(200),
    subscriberRelationship: z.enum(['self', 'spouse', 'child', 'other']),
    subscriberDateOfBirth: optionalDay,
    subscriberLine1: optional(55),
    subscriberLine2: optional(55),
    subscriberCity: optional(30),
    subscriberState: z
      .string()
      .trim()
      .regex(/^([A-Za-z]{2})?$/, 'Two letters, e.g. IL'),
    subscriberPostalCode: z
      .string()
      .trim()
      .regex(/^(\d{5}(-?\d{4})?)?$/, 'A ZIP code of 5 or 9 digits'),
    diagnosisCodes: z
      .string()
      .refine(
        (codes) => splitCodes(codes).every((code) => ICD10.test(code)),
        'ICD-10 codes such as F84.0, separated by commas',
      )
      .refine((codes) => splitCodes(codes).length <= 12, 'At most 12 codes'),
    startDate: z.string().min(1, 'Enter the first day').refine(isValidDay, 'Enter a real date'),
    endDate: optionalDay,
    priority: z.enum(['1', '2', '3']),
  })
  .refine((form) => !form.endDate || form.endDate >= form.startDate, {
    path: ['endDate'],
    message: 'The last day cannot be before the first day',
  })
  .superRefine((form, context) => {
    // the subscriber's address is whole or absent: a claim's N3/N4 needs street, city, state and ZIP code
    const parts = [form.subscriberLine1, form.subscriberLine2, form.subscriberCity, form.subscriberState];
    if (![...parts, form.subscriberPostalCode].some((part) => part.trim() !== '')) return;
    const required = [
      ['subscriberLine1', 'Enter the street'],
      ['subscriberCity', 'Enter the city'],
      ['subscriberState', 'Enter the state'],
      ['subscriberPostalCode', 'Enter the ZIP code'],
    ] as const;
    for (const [field, message] of required) {
      if (form[field].trim() === '') context.addIssue({ code: 'custom', path: [field], message });
    }
  });
export type CoverageForm = z.infer<typeof coverageFormSchema>;

export const COVERAGE_FIELDS = [
  'payerId',
  'memberId',
  'groupNumber',
  'subscriberName',
  'subscriberRelationship',
  'subscriberDateOfBirth',
  'subscriberLine1',
  'subscriberLine2',
  'subscriberCity',
  'subscriberState',
  'subscriberPostalCode',
  'diagnosisCodes',
  'startDate',
  'endDate',
  'priority',
] as const satisfies readonly (keyof CoverageForm)[];

const SUBSCRIBER_ADDRESS_FIELDS: Record<string, keyof CoverageForm> = {
  line1: 'subscriberLine1',
  line2: 'subscriberLine2',
  city: 'subscriberCity',
  state: 'subscriberState',
  postalCode: 'subscriberPostalCode',
};

/** The server's pointer for a coverage field (`/diagnosisCodes/1` is the codes field, `/subscriberAddress/city` the subscriber's city). */
export function coverageField(path: string): keyof CoverageForm | undefined {
  if (path.startsWith('diagnosisCodes')) return 'diagnosisCodes';
  if (path.startsWith('subscriberAddress.')) return SUBSCRIBER_ADDRESS_FIELDS[path.slice('subscriberAddress.'.length)];
  return (COVERAGE_FIELDS as readonly string[]).includes(path) ? (path as keyof CoverageForm) : undefined;
}

export function splitCodes(codes: string): string[] {
  return codes
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
}

export function toCoverageForm(coverage: Coverage | null): CoverageForm {
  return {
    payerId: coverage?.payerId ?? '',
    memberId: coverage?.memberId ?? '',
    groupNumber: coverage?.groupNumber ?? '',
    subscriberName: coverage?.subscriberName ?? '',
    subscriberRelationship: (coverage?.subscriberRelationship ?? 'child') as CoverageForm['subscriberRelationship'],
    subscriberDateOfBirth: coverage?.subscriberDateOfBirth ?? '',
    subscriberLine1: coverage?.subscriberAddress?.line1 ?? '',
    subscriberLine2: coverage?.subscriberAddress?.line2 ?? '',
    subscriberCity: coverage?.subscriberAddress?.city ?? '',
    subscriberState: coverage?.subscriberAddress?.state ?? '',
    subscriberPostalCode: coverage?.subscriberAddress?.postalCode ?? '',
    diagnosisCodes: (coverage?.diagnosisCodes ?? []).join(', '),
    startDate: coverage?.startDate ?? '',
    endDate: coverage?.endDate ?? '',
    priority: String(coverage?.priority ?? 1) as CoverageForm['priority'],
  };
}

export function toCoverageRequest(form: CoverageForm): CoverageRequest {
  return {
    payerId: form.payerId,
    memberId: form.memberId.trim() || null,
    groupNumber: form.groupNumber.trim() || null,
    subscriberName: form.subscriberName.trim() || null,
    subscriberRelationship: form.subscriberRelationship,
    subscriberDateOfBirth: form.subscriberDateOfBirth || null,
    subscriberAddress:
      form.subscriberLine1.trim() === ''
        ? null
        : {
            line1: form.subscriberLine1.trim(),
            line2: form.subscriberLine2.trim() || null,
            city: form.subscriberCity.trim() || null,
            state: form.subscriberState.trim().toUpperCase() || null,
            postalCode: form.subscriberPostalCode.trim() || null,
          },
    diagnosisCodes: splitCodes(form.diagnosisCodes),
    startDate: form.startDate,
    endDate: form.endDate || null,
    priority: Number(form.priority),
  };
}

/** The clinic's billing settings. */
export const settingsFormSchema = z.object({
  legalName: z.string().trim().min(1, 'Enter the clinic’s legal name').max(200, 'Use at most 200 characters'),
  npi: z
    .string()
    .trim()
    .regex(/^(\d{10})?$/, 'Ten digits')
    .refine((npi) => npi === '' || isNpi(npi), 'This NPI’s check digit is wrong'),
  taxId: z
    .string()
    .trim()
    .regex(/^(\d{2}-?\d{7})?$/, 'An EIN such as 12-3456789'),
  taxonomyCode: z
    .string()
    .trim()
    .regex(/^([0-9]{3}[0-9A-Z]{6}X)?$/, 'A taxonomy code such as 103K00000X'),
  line1: optional(200),
  city: optional(100),
  state: z
    .string()
    .trim()
    .regex(/^([A-Za-z]{2})?$/, 'Two letters, e.g. CA'),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5}(-?\d{4})?)?$/, 'A ZIP code of 5 or 9 digits'),
  phone: optional(20),
  telehealthPlaceOfService: z.enum(['10', '02']),
  submitterId: z
    .string()
    .trim()
    .regex(/^([A-Za-z0-9]{2,15})?$/, '2 to 15 letters and digits, as the clearinghouse gave it'),
});
export type SettingsForm = z.infer<typeof settingsFormSchema>;
export const SETTINGS_FIELDS = [
  'legalName',
  'npi',
  'taxId',
  'taxonomyCode',
  'phone',
  'telehealthPlaceOfService',
  'submitterId',
] as const satisfies readonly (keyof SettingsForm)[];

export function settingsField(path: string): keyof SettingsForm | undefined {
  if (path.startsWith('address.')) return path.slice('address.'.length) as keyof SettingsForm;
  return (SETTINGS_FIELDS as readonly string[]).includes(path) ? (path as keyof SettingsForm) : undefined;
}

export function toSettingsForm(settings: BillingSettings | undefined): SettingsForm {
  return {
    legalName: settings?.legalName ?? '',
    npi: settings?.npi ?? '',
    taxId: settings?.taxId ?? '',
    taxonomyCode: settings?.taxonomyCode ?? '',
    line1: settings?.address.line1 ?? '',
    city: settings?.address.city ?? '',
    state: settings?.address.state ?? '',
    postalCode: settings?.address.postalCode ?? '',
    phone: settings?.phone ?? '',
    telehealthPlaceOfService: (settings?.telehealthPlaceOfService ?? '10') as SettingsForm['telehealthPlaceOfService'],
    submitterId: settings?.submitterId ?? '',
  };
}

export function toSettingsRequest(form: SettingsForm): BillingSettingsRequest {
  return {
    legalName: form.legalName.trim(),
    npi: form.npi.trim() || null,
    taxId: form.taxId.trim() || null,
    taxonomyCode: form.taxonomyCode.trim() || null,
    address: {
      line1: form.line1.trim() || null,
      line2: null,
      city: form.city.trim() || null,
      state: form.state.trim().toUpperCase() || null,
      postalCode: form.postalCode.trim() || null,
    },
    phone: form.phone.trim() || null,
    telehealthPlaceOfService: form.telehealthPlaceOfService,
    submitterId: form.submitterId.trim() || null,
  };
}

/** A provider's NPI. */
export const npiFormSchema = z.object({
  accountId: z.string().min(1, 'Choose the therapist'),
  npi: z
    .string()
    .trim()
    .regex(/^\d{10}$/, 'Ten digits')
    .refine(isNpi, 'This NPI’s check digit is wrong'),
});
export type NpiForm = z.infer<typeof npiFormSchema>;

/**
 * Whether ten digits are an NPI: the last is the Luhn check digit of the first nine prefixed with 80840 (CMS).
 * The server checks it again.
 */
export function isNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi.slice(0, 9)}`;
  let sum = 0;
  let doubled = true;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (doubled) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    doubled = !doubled;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}
