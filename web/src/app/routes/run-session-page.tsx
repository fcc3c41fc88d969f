import { Page } from '../../components/ui/page';
import { StartSession } from '../../features/sessions/components/start-session';
import { useAuth } from '../../lib/auth';

export function RunSessionPage() {
  const { identity, status } = useAuth();
  if (!identity) return null;
  return (
    <Page title="Run a session" lead={<p>Choose a child from your caseload, or resume a session on this device.</p>}>
      <StartSession userId={identity.id} offline={status === 'offline'} />
    </Page>
  );
}
