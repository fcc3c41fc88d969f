import { Link } from 'react-router-dom';
import { Page } from '../../components/ui/page';

/** What an offline session shows on pages that need the server. */
export function OfflinePage() {
  return (
    <Page title="You’re offline">
      <p>This page needs the network. It opens again once this device is back online.</p>
      <p>
        Sessions on this device can still be recorded: <Link to="/sessions/run">Run a session</Link>
      </p>
    </Page>
  );
}
