import { useEffect, useState } from 'react';
import { useServerRetry } from '../../lib/server-retry';

/**
 * The one place that says the server is briefly away while the API client waits out a 503 `Retry-After` (ADR 0046).
 * The live region stays in the page so that its message is announced when it appears. Screen readers hear each wait
 * once, as it begins; the visible seconds count down beside it. A polite live region without the `status` role: an
 * empty `role="status"` on every page would stand beside each page's own status messages (confirmations after a
 * form) as a second, empty one.
 */
export function ServerRetryStatus() {
  const { nextAttemptAt, waitSeconds } = useServerRetry();
  const now = useNow(nextAttemptAt !== null);
  const left = nextAttemptAt === null ? 0 : Math.min(waitSeconds, Math.ceil((nextAttemptAt - now) / 1000));
  const message = "The clinic's server is briefly unavailable; trying again";
  return (
    <div className="server-retry-status">
      <p
        aria-live="polite"
        aria-atomic="true"
        className={nextAttemptAt === null ? 'server-retry-message' : 'server-retry-message active'}
      >
        {nextAttemptAt !== null && (
          <>
            <span className="visually-hidden">{`${message} in ${waitSeconds} s.`}</span>
            <span aria-hidden="true">{left > 0 ? `${message} in ${left} s.` : `${message} now.`}</span>
          </>
        )}
      </p>
    </div>
  );
}

/** The current time, once a second while `ticking`. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ticking]);
  return now;
}
