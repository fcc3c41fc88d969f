import type { PayerWarning } from './payer-warnings';
import { schedulingQueryKey, type AppointmentStatus, type MoveScope, type PersonRef } from './appointment-types';

/** Shapes of `/api/appointment-change-requests`: a therapist's proposed move of their appointment. */

export type ChangeRequestStatus = 'pending' | 'approved' | 'declined' | 'withdrawn';

export const CHANGE_REQUEST_STATUS_LABELS: Record<ChangeRequestStatus, string> = {
  pending: 'Waiting for a decision',
  approved: 'Approved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export interface ChangeRequest {
  id: string;
  appointmentId: string;
  childId: string;
  scope: MoveScope;
  /** The proposed times, ISO 8601 with the clinic's offset. */
  start: string;
  end: string;
  /** The proposed therapist, null to keep the appointment's. */
  therapist: PersonRef | null;
  note: string | null;
  status: ChangeRequestStatus;
  /** The appointment changed since the request: it can only be declined or withdrawn. */
  stale: boolean;
  requestedBy: PersonRef;
  requestedAt: string;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** The appointment as it is now. */
  appointment: { start: string; end: string; therapist: PersonRef; status: AppointmentStatus; version: number };
  version: number;
  /** An approval's: where the move goes beyond the child's insurance authorization (ADR 0031); empty otherwise. */
  warnings: PayerWarning[];
}

export const changeRequestsQueryKey = [...schedulingQueryKey, 'change-requests'] as const;
