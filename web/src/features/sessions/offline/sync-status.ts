export interface SyncSnapshot {
  online: boolean;
  /** Events (and session starts and submits) not yet on the server. */
  waiting: number;
  /** Per session id, how many of those belong to it. */
  waitingBySession: Record<string, number>;
  /** The server's reason for refusing an entry; it stays queued until the user retries or discards it. */
  error: string | null;
}

/** The words of the status pill. */
export function syncStatusText({ online, waiting, error }: Pick<SyncSnapshot, 'online' | 'waiting' | 'error'>): string {
  if (error) return `Sync error: ${error}`;
  if (waiting === 0) return 'All saved';
  if (!online) return `Offline — ${waiting} waiting`;
  return `${waiting} waiting to send`;
}
