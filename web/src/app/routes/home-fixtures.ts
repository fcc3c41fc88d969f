import type { Authorization } from '../../features/billing/api/authorization-types';
import type { ChangeRequest } from '../../features/scheduling/api/change-request-types';
import type { QueuedNote, TargetAlert } from '../../features/sessions/api/queue-types';
import { aConversation } from '../../features/messaging/components/messaging-fixtures';
import { jsonResponse } from '../../test/render';

/** Test data for the home pages: a small clinic with one child, Avery Lane (child-1), and what waits for its people. */

export const CHILDREN = {
  content: [
    { id: 'child-1', firstName: 'Avery', lastName: 'Lane', preferredName: null, status: 'active' },
    { id: 'child-2', firstName: 'Jordan', lastName: 'Lane', preferredName: null, status: 'active' },
  ],
  page: { number: 0, size: 200, totalElements: 2, totalPages: 1 },
};

export function aNote(changes: Partial<QueuedNote> = {}): QueuedNote {
  return {
    id: 'session-1',
    childId: 'child-1',
    therapist: { id: 'rbt-1', name: 'Toni Tech' },
    serviceCode: '97153',
    startedAt: '2026-11-30T15:00:00Z',
    endedAt: '2026-11-30T17:00:00Z',
    status: 'submitted',
    submittedAt: '2026-11-30T17:05:00Z',
    ...changes,
  };
}

export function aTargetAlert(changes: Partial<TargetAlert> = {}): TargetAlert {
  return {
    childId: 'child-1',
    targetId: 'target-1',
    programId: 'program-1',
    programName: 'Receptive ID',
    name: 'dog',
    measurement: 'percent_correct',
    criterion: { percent: 80, consecutiveSessions: 3, minTrials: 5 },
    sessionsSincePhaseChange: 4,
    sessionsMeetingInARow: 2,
    latestPercent: 90,
    phaseSince: '2026-11-01T10:00:00Z',
    ...changes,
  };
}

export function anAuthorization(changes: Partial<Authorization> = {}): Authorization {
  return {
    id: 'auth-1',
    childId: 'child-1',
    childName: 'Avery Lane',
    payer: 'Blue Shield',
    memberId: null,
    authorizationNumber: 'A-1',
    serviceCode: '97153',
    unitsAuthorized: 100,
    startDate: '2026-09-01',
    endDate: '2027-02-28',
    notes: null,
    unitsUsed: 80,
    unitsScheduled: 12,
    unitsRemaining: 8,
    status: 'active',
    alert: 'running_out',
    version: 0,
    ...changes,
  };
}

export function aChangeRequest(changes: Partial<ChangeRequest> = {}): ChangeRequest {
  return {
    id: 'request-1',
    appointmentId: 'appt-1',
    childId: 'child-1',
    scope: 'this',
    start: new Date(2031, 0, 7, 10, 0).toISOString(),
    end: new Date(2031, 0, 7, 11, 0).toISOString(),
    therapist: null,
    note: null,
    status: 'pending',
    stale: false,
    requestedBy: { id: 'rbt-1', name: 'Toni Tech' },
    requestedAt: '2026-11-30T10:00:00Z',
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    appointment: {
      start: new Date(2031, 0, 6, 15, 0).toISOString(),
      end: new Date(2031, 0, 6, 16, 0).toISOString(),
      therapist: { id: 'rbt-1', name: 'Toni Tech' },
      status: 'scheduled',
      version: 0,
    },
    version: 0,
    warnings: [],
    ...changes,
  };
}

export function aPage<T>(content: T[]) {
  return { content, page: { number: 0, size: 50, totalElements: content.length, totalPages: 1 } };
}

export const NO_NOTES = { total: 0, notes: [] };

/** What the server answers for each path the home pages read; replace entries to change the clinic. */
export function homeApi(answers: Record<string, unknown> = {}) {
  const defaults: Record<string, unknown> = {
    '/api/children': CHILDREN,
    '/api/appointments': aPage([]),
    '/api/appointment-change-requests': aPage([]),
    '/api/authorizations': aPage([]),
    '/api/sessions/unsigned': { awaitingTherapist: NO_NOTES, awaitingGuardian: NO_NOTES },
    '/api/sessions/review-queue': NO_NOTES,
    '/api/caseload/targets': { nearMastery: [], stalled: [] },
    '/api/conversations': { ...aPage([aConversation({ unreadCount: 0 })]), unreadTotal: 0 },
    '/api/conversations/unread-count': { unread: 0 },
    '/api/children/child-1/progress': { targets: [] },
    '/api/children/child-2/progress': { targets: [] },
  };
  const all = { ...defaults, ...answers };
  return async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    if (!(path in all)) throw new Error(`unexpected request ${path}`);
    return jsonResponse(all[path]);
  };
}
