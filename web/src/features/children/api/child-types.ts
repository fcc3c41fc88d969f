/** Shapes of `/api/children`, named after the generated API types (src/types/api.ts). */
import { valuesOf, type Schema } from '../../../lib/api-types';

export type Child = Schema<'ChildResponse'>;
export type ChildSummary = Schema<'ChildSummary'>;
export type ChildStatus = Child['status'];
export type CareTeamMember = Schema<'CareTeamMember'>;
export type CareTeamRole = CareTeamMember['role'];
export type Guardian = Schema<'Guardian'>;
export type EmergencyContact = Schema<'EmergencyContact'>;
export type Insurance = Schema<'Insurance'>;
export type HomeAddressRequest = Schema<'HomeAddressRequest'>;
export type ChildSex = NonNullable<Child['sex']>;

export const CHILD_STATUSES = valuesOf<ChildStatus>()(['intake', 'active', 'on_hold', 'discharged', 'archived']);

/** The statuses an admin can set with an update; archiving is its own action (DELETE). */
export const EDITABLE_CHILD_STATUSES = ['intake', 'active', 'on_hold', 'discharged'] as const;

export const CHILD_STATUS_LABELS: Record<ChildStatus, string> = {
  intake: 'Intake',
  active: 'Active',
  on_hold: 'On hold',
  discharged: 'Discharged',
  archived: 'Archived',
};

export const CHILD_STATUS_TONES: Record<ChildStatus, 'neutral' | 'success' | 'muted' | 'info'> = {
  intake: 'info',
  active: 'success',
  on_hold: 'neutral',
  discharged: 'muted',
  archived: 'muted',
};

/** Administrative sex, as a claim names the patient (X12 F, M or U). */
export const CHILD_SEXES = valuesOf<ChildSex>()(['female', 'male', 'unknown']);

export const CHILD_SEX_LABELS: Record<ChildSex, string> = {
  female: 'Female',
  male: 'Male',
  unknown: 'Unknown',
};

/** "27 Linden Street, Unit 4, Springfield, IL 62704-1234". */
export function formatAddress(address: NonNullable<Child['address']>): string {
  const zip =
    address.postalCode.length === 9
      ? `${address.postalCode.slice(0, 5)}-${address.postalCode.slice(5)}`
      : address.postalCode;
  return [address.line1, address.line2, address.city].filter(Boolean).join(', ') + `, ${address.state} ${zip}`;
}

export const CARE_TEAM_ROLES = valuesOf<CareTeamRole>()(['supervisor', 'technician']);

export const CARE_TEAM_ROLE_LABELS: Record<CareTeamRole, string> = {
  supervisor: 'Supervisor',
  technician: 'Technician',
};

/** "Samuel “Sam” Lee": the full name with the preferred name, when there is one. */
export function childName(child: Pick<ChildSummary, 'firstName' | 'lastName' | 'preferredName'>): string {
  return child.preferredName
    ? `${child.firstName} “${child.preferredName}” ${child.lastName}`
    : `${child.firstName} ${child.lastName}`;
}

export const childrenQueryKey = ['children'] as const;

export function childQueryKey(id: string) {
  return [...childrenQueryKey, 'detail', id] as const;
}

/** What the signed-in user may do with a child; the server decides again on every call. */
export interface ChildAccess {
  /** Admin: every field, status, guardians, care team, archive. */
  canAdmin: boolean;
  /** A linked guardian: contacts, allergies and medical notes. */
  isGuardian: boolean;
  /** On the care team as supervisor: designs programs. */
  isSupervisor: boolean;
  /** On the care team in any role: with the guardians, a member of the child's conversation. */
  isCareTeam: boolean;
}

export function childAccess(child: Child, user: { id: string; role: string } | null): ChildAccess {
  return {
    canAdmin: user?.role === 'admin',
    isGuardian: child.guardians.some((guardian) => guardian.userId === user?.id),
    isSupervisor: child.careTeam.some((member) => member.userId === user?.id && member.role === 'supervisor'),
    isCareTeam: child.careTeam.some((member) => member.userId === user?.id),
  };
}
