/** Shapes of `/api/children`, written by hand until the server publishes its OpenAPI document. */

export const CHILD_STATUSES = ['intake', 'active', 'on_hold', 'discharged', 'archived'] as const;
export type ChildStatus = (typeof CHILD_STATUSES)[number];

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

export const CARE_TEAM_ROLES = ['supervisor', 'technician'] as const;
export type CareTeamRole = (typeof CARE_TEAM_ROLES)[number];

export const CARE_TEAM_ROLE_LABELS: Record<CareTeamRole, string> = {
  supervisor: 'Supervisor',
  technician: 'Technician',
};

export interface EmergencyContact {
  name: string;
  relationship: string;
  phone: string;
}

export interface Insurance {
  payer: string;
  memberId: string;
  groupNumber: string;
}

export interface Guardian {
  userId: string;
  name: string;
  email: string;
  relationship: string;
  canSign: boolean;
}

export interface CareTeamMember {
  userId: string;
  name: string;
  credential: string | null;
  role: CareTeamRole;
}

export interface ChildSummary {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  dateOfBirth: string;
  status: ChildStatus;
  intakeDate: string | null;
}

export interface Child extends ChildSummary {
  diagnosisCodes: string[];
  school: string | null;
  medicalNotes: string | null;
  allergies: string | null;
  emergencyContacts: EmergencyContact[];
  insurance: Insurance | null;
  guardians: Guardian[];
  careTeam: CareTeamMember[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

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
