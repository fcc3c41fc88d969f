import { useDemoLogins } from '../api/get-demo-logins';

/**
 * The demo clinic's accounts on the sign-in page (demo profile only; elsewhere nothing is shown): a click fills the
 * form with that account's email and the demo password.
 */
export function DemoLoginList({ onPick }: { onPick: (email: string, password: string) => void }) {
  const demo = useDemoLogins();
  if (!demo.data) return null;
  const { password, logins } = demo.data;
  return (
    <section className="demo-logins" aria-labelledby="demo-logins-title">
      <h2 id="demo-logins-title">Demo clinic accounts</h2>
      <p>
        Every account’s password is <code>{password}</code>. Pick one to fill in the form:
      </p>
      <ul>
        {logins.map((login) => (
          <li key={login.email}>
            <button
              type="button"
              className="link-button"
              aria-label={`Fill in ${login.name}, ${login.label}`}
              title={login.email}
              onClick={() => onPick(login.email, password)}
            >
              {login.name}
            </button>{' '}
            <span className="muted">{login.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
