import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import type { User } from '../../../lib/api-types';
import { useEndUserSignIns } from '../api/end-user-sign-ins';

/**
 * In the admin's user dialog: ends every sign-in of the user on every device, after a confirmation, and says so.
 * Not offered for the admin's own account (their profile lists their sign-ins one by one).
 */
export function EndSignInsSection({ user }: { user: User }) {
  const end = useEndUserSignIns();
  const [confirming, setConfirming] = useState(false);

  return (
    <section className="end-sign-ins" aria-labelledby={`end-sign-ins-${user.id}`}>
      <h3 id={`end-sign-ins-${user.id}`} className="end-sign-ins-title">
        Sign-ins
      </h3>
      <p className="muted">
        For a lost phone or a shared password: {user.name} is signed out on every device at once and can sign in again
        with their password. The audit log records that you did it.
      </p>
      <FormErrorAlert error={end.error} />
      {end.isSuccess && <Alert tone="success">All of {user.name}’s sign-ins were ended.</Alert>}
      {confirming ? (
        <div role="group" aria-label="Confirm ending all sign-ins" className="end-sign-ins-confirm">
          <p>
            <strong>End every sign-in of {user.name} now?</strong> Anything they have not saved is lost.
          </p>
          <div className="dialog-actions">
            <Button variant="secondary" onClick={() => setConfirming(false)} data-autofocus>
              Keep them signed in
            </Button>
            <Button
              variant="danger"
              pending={end.isPending}
              onClick={() => end.mutate(user.id, { onSettled: () => setConfirming(false) })}
            >
              End all sign-ins
            </Button>
          </div>
        </div>
      ) : (
        <Button
          variant="secondary"
          onClick={() => {
            end.reset();
            setConfirming(true);
          }}
        >
          End all sign-ins…
        </Button>
      )}
    </section>
  );
}
