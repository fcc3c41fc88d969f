import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PutSessionRequest } from '../api/put-session';
import type { Measurement, Phase, Place, PromptLevel, ServiceCode, SessionEvent } from '../api/session-types';
import type { SubmitSessionRequest } from '../api/submit-session';

/**
 * The offline session queue: the only clinical data the app keeps in the browser (IndexedDB, never localStorage).
 * Everything here is deleted on sign-out and once a session has been submitted to the server.
 */

/** A target as it was when the session started, so that recording works without the network. */
export interface DraftTarget {
  targetId: string;
  programId: string;
  programName: string;
  programKind: 'skill' | 'behavior';
  name: string;
  measurement: Measurement;
  phase: Phase;
}

/** A session being recorded on this device. */
export interface SessionDraft {
  id: string;
  /** The therapist who started it; only they see and send it. */
  userId: string;
  childId: string;
  serviceCode: ServiceCode;
  place: Place;
  startedAt: string;
  note: string;
  targets: DraftTarget[];
  /** Every event recorded on this device, in order, undo events included. */
  events: SessionEvent[];
  /** The prompt level last chosen per target. */
  promptLevels: Record<string, PromptLevel>;
  /** Set when "Sign and submit" was confirmed; the submit may still be waiting in the outbox. */
  submitRequested: boolean;
}

interface OutboxBase {
  seq: number;
  userId: string;
  sessionId: string;
  status: 'pending' | 'failed';
  /** Why the server refused it (4xx); a failed entry is not sent again until the user retries it. */
  error?: string;
}

export type OutboxOp = OutboxBase &
  (
    | { kind: 'put'; body: PutSessionRequest }
    | { kind: 'events'; events: SessionEvent[] }
    | { kind: 'submit'; body: SubmitSessionRequest }
  );

/** An entry before IndexedDB gave it its sequence number. */
export type NewOutboxOp = OutboxOp extends infer O ? (O extends OutboxOp ? Omit<O, 'seq'> : never) : never;

interface OfflineSchema extends DBSchema {
  outbox: { key: number; value: OutboxOp; indexes: { sessionId: string } };
  drafts: { key: string; value: SessionDraft };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

const DB_NAME = 'spark-offline-sessions';
let dbPromise: Promise<OfflineDb> | null = null;

export function openOfflineDb(): Promise<OfflineDb> {
  dbPromise ??= openDB<OfflineSchema>(DB_NAME, 1, {
    upgrade(db) {
      const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('sessionId', 'sessionId');
      db.createObjectStore('drafts', { keyPath: 'id' });
    },
  });
  return dbPromise;
}
