import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { useFeedUrl } from '../api/get-feed-url';
import { useRotateFeedUrl } from '../api/rotate-feed-url';

/** The private calendar feed URL to subscribe to in a calendar app, with copy and rotate. */
export function CalendarFeed() {
  const feed = useFeedUrl();
  const rotate = useRotateFeedUrl();
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState(false);

  async function copy() {
    if (!feed.data) return;
    try {
      await navigator.clipboard.writeText(feed.data.url);
      setNotice('Copied to the clipboard.');
    } catch {
      setNotice('Copying is not allowed here; select the address and copy it.');
    }
  }

  return (
    <section className="panel" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title" className="section-title">
        Calendar subscription
      </h2>
      <p className="muted">
        Add this private address to your calendar app to see your appointments there. Anyone with it can read them;
        rotate it if it was shared by mistake.
      </p>
      {feed.isPending && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {feed.isError && <Alert>{errorMessage(feed.error)}</Alert>}
      {feed.data && (
        <>
          <TextField label="Feed address" readOnly value={feed.data.url} onFocus={(event) => event.target.select()} />
          <div className="action-bar">
            <Button variant="secondary" onClick={() => void copy()}>
              Copy address
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              Rotate
            </Button>
          </div>
        </>
      )}
      <p className="notice-region" role="status">
        {notice}
      </p>
      <ConfirmDialog
        open={confirming}
        title="Rotate the feed address?"
        description="The current address stops working; calendars subscribed to it need the new one."
        confirmLabel="Rotate"
        pending={rotate.isPending}
        error={rotate.isError ? errorMessage(rotate.error) : undefined}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          rotate.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              setNotice('A new address was made. Subscribe your calendar again.');
            },
          })
        }
      />
    </section>
  );
}
