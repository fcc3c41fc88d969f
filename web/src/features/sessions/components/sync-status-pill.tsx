import { Button } from '../../../components/ui/button';
import { discardFailed, retryFailed } from '../offline/outbox';
import { useSyncStatus } from '../offline/sync';
import { syncStatusText } from '../offline/sync-status';

/** "All saved" / "3 waiting to send" / "Offline — 3 waiting" / "Sync error: …", announced politely. */
export function SyncStatusPill() {
  const status = useSyncStatus();
  const tone = status.error ? 'error' : status.waiting === 0 ? 'saved' : status.online ? 'waiting' : 'offline';
  return (
    <p className={`sync-pill sync-pill-${tone}`} role="status" aria-live="polite">
      <span className="sync-pill-dot" aria-hidden="true" />
      {syncStatusText(status)}
    </p>
  );
}

/** When the server refused an entry: send it again, or give it up. */
export function SyncErrorActions({ userId }: { userId: string }) {
  const status = useSyncStatus();
  if (!status.error) return null;
  return (
    <div className="sync-actions">
      <Button variant="secondary" size="sm" onClick={() => void retryFailed(userId)}>
        Try sending again
      </Button>
      <Button variant="ghost" size="sm" onClick={() => void discardFailed(userId)}>
        Discard what failed
      </Button>
    </div>
  );
}
