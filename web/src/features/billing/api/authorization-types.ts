/** Shapes of the billing module's insurance authorizations, named after the generated API types (src/types/api.ts). */
import { valuesOf, type Schema } from '../../../lib/api-types';

/**
 * An insurer's approval of a number of 15-minute units of one service (CPT code) for a child between two dates
 * (YYYY-MM-DD, both inclusive), with what the clinic's appointments already take from it: `unitsUsed` by the
 * completed appointments of this child and service within the dates, `unitsScheduled` by the scheduled and
 * checked-in ones, `unitsRemaining` = authorized − used − scheduled (negative when over).
 */
export type Authorization = Schema<'AuthorizationResponse'>;
export type AuthorizationStatus = Authorization['status'];
/** The server's most urgent warning about an authorization: over > running out > expiring. */
export type AuthorizationAlert = NonNullable<Authorization['alert']>;

export const AUTHORIZATION_STATUSES = valuesOf<AuthorizationStatus>()(['upcoming', 'active', 'expired']);

export const AUTHORIZATION_STATUS_LABELS: Record<AuthorizationStatus, string> = {
  upcoming: 'Upcoming',
  active: 'Active',
  expired: 'Expired',
};

export const AUTHORIZATION_STATUS_TONES: Record<AuthorizationStatus, 'info' | 'success' | 'muted'> = {
  upcoming: 'info',
  active: 'success',
  expired: 'muted',
};

export const AUTHORIZATION_ALERTS = valuesOf<AuthorizationAlert>()(['over', 'running_out', 'expiring']);

export const AUTHORIZATION_ALERT_LABELS: Record<AuthorizationAlert, string> = {
  over: 'Over the authorization',
  running_out: 'Running out',
  expiring: 'Ends soon',
};

export const AUTHORIZATION_ALERT_TONES: Record<AuthorizationAlert, 'danger' | 'warning'> = {
  over: 'danger',
  running_out: 'warning',
  expiring: 'warning',
};

/** The body of `POST /api/children/{id}/authorizations` and `PUT /api/authorizations/{id}`. */
export type AuthorizationRequest = Pick<
  Authorization,
  'payer' | 'memberId' | 'authorizationNumber' | 'serviceCode' | 'unitsAuthorized' | 'startDate' | 'endDate' | 'notes'
>;

/**
 * The ABA service codes (CPT 97151–97158) in the words the scheduling feature uses (features do not share code).
 * See https://www.ama-assn.org/practice-management/cpt/category-i-codes-adaptive-behavior-services for the codes.
 */
const SERVICE_NAMES: Record<string, string> = {
  '97151': 'Assessment',
  '97152': 'Supporting assessment',
  '97153': 'Direct treatment',
  '97154': 'Group treatment',
  '97155': 'Protocol modification',
  '97156': 'Family training',
  '97157': 'Multiple-family group training',
  '97158': 'Group protocol modification',
};

/** "Direct treatment (97153)"; an unknown code as it is. */
export function serviceLabel(code: string): string {
  const name = SERVICE_NAMES[code];
  return name ? `${name} (${code})` : code;
}

export const SERVICE_OPTIONS = Object.keys(SERVICE_NAMES).map((code) => ({ value: code, label: serviceLabel(code) }));

/** Minutes in one billing unit. */
export const UNIT_MINUTES = 15;

/** 96 → "24 h", 10 → "2.5 h", 3 → "0.75 h". */
export function unitsToHours(units: number): string {
  const hours = (units * UNIT_MINUTES) / 60;
  return `${Number.isInteger(hours) ? hours : Number(hours.toFixed(2))} h`;
}

/** "96 units (24 h)", "1 unit (0.25 h)". */
export function formatUnits(units: number): string {
  return `${units} ${Math.abs(units) === 1 ? 'unit' : 'units'} (${unitsToHours(units)})`;
}

/** The usage bar's segments as percentages of its width, which is the authorization or, when over, what is taken. */
export interface UsageShares {
  used: number;
  scheduled: number;
  remaining: number;
  /** True when used and scheduled together exceed the authorization. */
  over: boolean;
}

export function usageShares(
  authorization: Pick<Authorization, 'unitsAuthorized' | 'unitsUsed' | 'unitsScheduled'>,
): UsageShares {
  const { unitsAuthorized, unitsUsed, unitsScheduled } = authorization;
  const taken = unitsUsed + unitsScheduled;
  const whole = Math.max(unitsAuthorized, taken, 1);
  const percent = (units: number) => (Math.max(0, units) / whole) * 100;
  return {
    used: percent(unitsUsed),
    scheduled: percent(unitsScheduled),
    remaining: percent(unitsAuthorized - taken),
    over: taken > unitsAuthorized,
  };
}

/** "60 of 96 units used, 12 scheduled, 24 left" (or "…, 4 over"): the usage bar in words. */
export function usageText(
  authorization: Pick<Authorization, 'unitsAuthorized' | 'unitsUsed' | 'unitsScheduled' | 'unitsRemaining'>,
): string {
  const { unitsAuthorized, unitsUsed, unitsScheduled, unitsRemaining } = authorization;
  const rest = unitsRemaining < 0 ? `${-unitsRemaining} over` : `${unitsRemaining} left`;
  return `${unitsUsed} of ${unitsAuthorized} units used, ${unitsScheduled} scheduled, ${rest}`;
}

export const billingQueryKey = ['billing'] as const;
export const authorizationsQueryKey = [...billingQueryKey, 'authorizations'] as const;

export function childAuthorizationsQueryKey(childId: string) {
  return [...authorizationsQueryKey, 'child', childId] as const;
}

export function authorizationQueryKey(id: string) {
  return [...authorizationsQueryKey, 'detail', id] as const;
}
