import type { PersonRef } from './session-types';

/** One session note in a work queue (`/api/sessions/unsigned`, `/api/sessions/review-queue`). */
export interface QueuedNote {
  id: string;
  childId: string;
  therapist: PersonRef;
  serviceCode: string;
  startedAt: string;
  endedAt: string | null;
  status: 'open' | 'submitted';
  submittedAt: string | null;
}

/** The newest notes of a queue and how many it holds. */
export interface NoteQueue {
  total: number;
  notes: QueuedNote[];
}

/** A target the caseload's supervisor should look at (`/api/caseload/targets`). */
export interface TargetAlert {
  childId: string;
  targetId: string;
  programId: string;
  programName: string;
  name: string;
  measurement: string;
  criterion: { percent: number; consecutiveSessions: number; minTrials: number } | null;
  sessionsSincePhaseChange: number;
  sessionsMeetingInARow: number;
  latestPercent: number | null;
  /** When the target's current phase began. */
  phaseSince: string;
}
