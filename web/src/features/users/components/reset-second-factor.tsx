import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { errorMessage } from '../../../lib/api-error';
import type { User } from '../../../lib/api-types';
import { useResetUserSecondFactor, useUserSecondFactor } from '../api/second-factor';

/**
 * In the admin's user dialog: whether the person uses two-step sign-in, and resetting it when they lost their phone
 * (their authenticator and recovery codes are removed and all their sign-ins end; audited).
 */
export function ResetSecondFactor({ user }: { user: User }) {
  const status = useUserSecondFactor(user.id);
  const reset = useResetUserSecondFactor(user.id);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);

  return (
    <section className="user-second-factor" aria-labelledby={`second-factor-${user.id}`}>
      <h3 id={`second-factor-${user.id}`} className="section-title">
        Two-step sign-in
      </h3>
      <div aria-live="polite">
        {done && (
          <Alert tone="success">
            Reset. {user.name} was signed out everywhere
            {status.data?.required ? ' and sets up two-step sign-in again at the next sign-in' : ''}.
          </Alert>
        )}
      </div>
      {status.isPending ? (
        <p className="muted">Loading…</p>
      ) : status.isError ? (
        <Alert>{errorMessage(status.error)}</Alert>
      ) : (
        <>
          <p>
            {status.data.enabled ? 'On.' : 'Off.'}
            {status.data.required ? ' Required for this role.' : ''}
          </p>
          {status.data.enabled && (
            <div>
              <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
                Reset second factor
              </Button>
            </div>
          )}
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Reset ${user.name}’s second factor?`}
        description="Their authenticator app and recovery codes stop working and all their sign-ins end. Do this only when you are sure it is them, e.g. after a lost phone."
        confirmLabel="Reset second factor"
        pending={reset.isPending}
        error={reset.isError ? errorMessage(reset.error) : undefined}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          reset.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              setDone(true);
            },
          })
        }
      />
    </section>
  );
}
