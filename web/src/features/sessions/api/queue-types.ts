/** Shapes of the work queues and caseload alerts, named after the generated API types (src/types/api.ts). */
import type { Schema } from '../../../lib/api-types';

/** One session note in a work queue (`/api/sessions/unsigned`, `/api/sessions/review-queue`). */
export type QueuedNote = Schema<'Note'>;

/** The newest notes of a queue and how many it holds. */
export type NoteQueue = Schema<'Notes'>;

/**
 * A target the caseload's supervisor should look at (`/api/caseload/targets`); `phaseSince`: when the target's current
 * phase began.
 */
export type TargetAlert = Schema<'TargetAlert'>;
