import { Link } from 'react-router-dom';
import { Alert } from '../../components/ui/alert';
import { FullPageStatus } from '../../components/ui/full-page-status';
import { Page } from '../../components/ui/page';
import { ApiError, errorMessage } from '../../lib/api-error';

const NOT_FOUND_TITLES = {
  child: 'Child not found',
  program: 'Program not found',
  session: 'Session not found',
  'progress report': 'Progress report not found',
};

/** What a clinical page shows while its record loads, when it is missing (or not the user's to see), or failed. */
export function RecordStatus({ error, noun }: { error: unknown; noun: keyof typeof NOT_FOUND_TITLES }) {
  if (!error) return <FullPageStatus>Loading…</FullPageStatus>;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Page title={NOT_FOUND_TITLES[noun]}>
        <p>It does not exist, or your account may not see it.</p>
        <p>
          <Link to="/children">Back to the list of children</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Something went wrong">
      <Alert>{errorMessage(error)}</Alert>
    </Page>
  );
}
