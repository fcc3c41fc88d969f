import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/dates';
import { useEndSignIn, useSignIns } from '../api/sign-ins';

/**
 * "Signed in on": the person's active sign-ins (device, network, last use) with "Sign out" for each other one.
 * This page's own sign-in is marked and signed out with the usual Sign out.
 */
export function ActiveSignIns() {
  const signIns = useSignIns();
  const end = useEndSignIn();
  return (
    <section className="panel" aria-labelledby="active-sign-ins-title">
      <h2 id="active-sign-ins-title" className="section-title">
        Signed in on
      </h2>
      {signIns.isPending ? (
        <p className="muted" role="status">
          Loading your sign-ins…
        </p>
      ) : signIns.isError ? (
        <Alert tone="error">{errorMessage(signIns.error)}</Alert>
      ) : (
        <ul className="contact-list" aria-label="Active sign-ins">
          {signIns.data.map((signIn) => (
            <li key={signIn.id} className="sign-in-row">
              <div>
                <strong>{signIn.device}</strong>
                {signIn.current ? ' (this device)' : null}
                <br />
                <span className="muted">
                  {signIn.place ? `Network ${signIn.place} · ` : ''}
                  Last used {formatDateTime(signIn.lastUsedAt)} · signed in {formatDateTime(signIn.startedAt)}
                </span>
              </div>
              {signIn.current ? null : (
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={end.isPending}
                  aria-label={`Sign out ${signIn.device}, last used ${formatDateTime(signIn.lastUsedAt)}`}
                  onClick={() => end.mutate(signIn.id)}
                >
                  Sign out
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {end.isError ? <Alert tone="error">{errorMessage(end.error)}</Alert> : null}
    </section>
  );
}
