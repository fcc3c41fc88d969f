/** Shapes of charges, payers, fee schedules and coverages, named after the generated API types (src/types/api.ts). */
import { valuesOf, type Schema } from '../../../lib/api-types';
import { billingQueryKey } from './authorization-types';

/** What one completed appointment bills; money as decimal strings with the currency. */
export type Charge = Schema<'ChargeResponse'>;
export type ChargeStatus = Charge['status'];
/** Why a charge cannot be billed: a machine code, a sentence, and the app address where it is fixed. */
export type HoldReason = Schema<'ChargeHoldReason'>;
export type HoldReasonCode = HoldReason['code'];
export type Payer = Schema<'PayerResponse'>;
export type PayerRequest = Schema<'PayerRequest'>;
export type RoundingRule = Payer['roundingRule'];
export type FeeRate = Schema<'RateResponse'>;
export type FeeRateRequest = Schema<'RateBody'>;
export type Coverage = Schema<'CoverageResponse'>;
export type CoverageRequest = Schema<'CoverageRequest'>;
export type CatalogueEntry = Schema<'CatalogueEntryResponse'>;
export type BillingSettings = Schema<'BillingSettingsResponse'>;
export type BillingSettingsRequest = Schema<'BillingSettingsRequest'>;
export type ProviderNumber = Schema<'ProviderNumberResponse'>;
export type RecheckResult = Schema<'RecheckResponse'>;

export const CHARGE_STATUSES = valuesOf<ChargeStatus>()(['ready', 'held', 'claimed', 'void']);

export const CHARGE_STATUS_LABELS: Record<ChargeStatus, string> = {
  ready: 'Ready',
  held: 'Held',
  claimed: 'Claimed',
  void: 'Void',
};

export const CHARGE_STATUS_TONES: Record<ChargeStatus, 'success' | 'warning' | 'info' | 'muted'> = {
  ready: 'success',
  held: 'warning',
  claimed: 'info',
  void: 'muted',
};

/** What an admin does about each hold reason: the words of the link to its fix. */
export const HOLD_FIX_LABELS: Record<HoldReasonCode, string> = {
  note_unsigned: 'Open the session',
  below_minimum_time: 'Open the session',
  no_authorization: 'Add an authorization',
  authorization_expired: 'Renew the authorization',
  authorization_exhausted: 'Review the authorization',
  credential_not_allowed: 'Check the credential',
  overlapping_service: 'See the other charge',
  missing_member_id: 'Add the member ID',
  missing_diagnosis: 'Add a diagnosis',
  missing_fee: 'Add a fee',
  missing_npi: 'Add the NPI',
  missing_supervisor: 'Add a supervising BCBA',
  child_record_incomplete: 'Complete the child’s record',
};

export const ROUNDING_RULES = valuesOf<RoundingRule>()(['cms_8_minute', 'whole_units']);

export type ClaimFilingIndicator = Payer['claimFilingIndicator'];

/** The kinds of plan a payer's claims are filed under (the 837P's SBR09), the usual ones first. */
export const CLAIM_FILING_INDICATORS = valuesOf<ClaimFilingIndicator>()([
  'CI',
  'MC',
  'BL',
  'HM',
  '12',
  '13',
  '14',
  '15',
  '11',
  'CH',
  'FI',
  'OF',
  'TV',
  'VA',
  'ZZ',
]);

export const CLAIM_FILING_INDICATOR_LABELS: Record<ClaimFilingIndicator, string> = {
  CI: 'CI Commercial insurance',
  MC: 'MC Medicaid',
  BL: 'BL Blue Cross Blue Shield',
  HM: 'HM HMO',
  '12': '12 PPO',
  '13': '13 Point of service',
  '14': '14 EPO',
  '15': '15 Indemnity',
  '11': '11 Other non-federal program',
  CH: 'CH TRICARE',
  FI: 'FI Federal Employees Program',
  OF: 'OF Other federal program',
  TV: 'TV Title V',
  VA: 'VA Veterans Affairs',
  ZZ: 'ZZ Mutually defined',
};

export const ROUNDING_RULE_LABELS: Record<RoundingRule, string> = {
  cms_8_minute: 'CMS 8-minute rule (a unit from 8 minutes on)',
  whole_units: 'Whole units only (full 15 minutes)',
};

export const PLACE_OF_SERVICE_LABELS: Record<string, string> = {
  '11': '11 Office',
  '12': '12 Home',
  '03': '03 School',
  '10': '10 Telehealth in the home',
  '02': '02 Telehealth elsewhere',
  '99': '99 Other',
};

/**
 * "$1,060.00" for USD, "1,060.00 EUR" otherwise; an amount the server sent as a decimal string, never a float sum
 * (the digits are grouped as text, so no amount passes through a JavaScript number).
 */
export function formatMoney(amount: string | null | undefined, currency: string): string {
  if (amount == null || amount === '') return '—';
  const negative = amount.startsWith('-');
  const [whole, fraction] = (negative ? amount.slice(1) : amount).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  const sign = negative ? '-' : '';
  return currency === 'USD' ? `${sign}$${text}` : `${sign}${text} ${currency}`;
}

export const chargesQueryKey = [...billingQueryKey, 'charges'] as const;
export const payersQueryKey = [...billingQueryKey, 'payers'] as const;
export const coveragesQueryKey = [...billingQueryKey, 'coverages'] as const;
export const billingSettingsQueryKey = [...billingQueryKey, 'settings'] as const;

export function chargeQueryKey(id: string) {
  return [...chargesQueryKey, 'detail', id] as const;
}

export function ratesQueryKey(payerId: string) {
  return [...payersQueryKey, 'rates', payerId] as const;
}

export function childCoveragesQueryKey(childId: string) {
  return [...coveragesQueryKey, 'child', childId] as const;
}
