import type { Schema } from '../../../lib/api-types';
import { schedulingQueryKey } from './appointment-types';

/**
 * Shapes of `/api/appointment-change-requests`: a therapist's proposed move of their appointment, named after the
 * generated API types (src/types/api.ts). `therapist` is null to keep the appointment's; `stale`: the appointment
 * changed since the request, so it can only be declined or withdrawn; `appointment`: the appointment as it is now.
 */
export type ChangeRequest = Schema<'ChangeRequestResponse'>;
export type ChangeRequestStatus = ChangeRequest['status'];

export const CHANGE_REQUEST_STATUS_LABELS: Record<ChangeRequestStatus, string> = {
  pending: 'Waiting for a decision',
  approved: 'Approved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const changeRequestsQueryKey = [...schedulingQueryKey, 'change-requests'] as const;
