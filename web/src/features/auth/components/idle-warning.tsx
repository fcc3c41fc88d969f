import { useEffect, useState, useSyncExternalStore } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { getIdleSnapshot, staySignedIn, subscribeToIdle } from '../../../lib/idle';

/** m:ss of the time left, never below 0:00. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The warning before the sign-out for inactivity (lib/idle.ts): a countdown and "Stay signed in". Escape stays
 * signed in too. Mount once, in the app shell.
 */
export function IdleWarning() {
  const { signOutAt } = useSyncExternalStore(subscribeToIdle, getIdleSnapshot, getIdleSnapshot);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (signOutAt === null) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [signOutAt]);

  if (signOutAt === null) return null;
  return (
    <Dialog
      open
      role="alertdialog"
      title={`You’ll be signed out in ${formatCountdown(signOutAt - Math.max(now, signOutAt - 120_000))}`}
      description="Nobody has used SPARKTherapy for a while. To protect children’s records you will be signed out; anything recorded on this device is kept."
      onClose={staySignedIn}
    >
      <div className="dialog-actions">
        <Button onClick={staySignedIn} data-autofocus>
          Stay signed in
        </Button>
      </div>
    </Dialog>
  );
}
