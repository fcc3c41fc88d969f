import { Link } from 'react-router-dom';
import { Page } from '../../components/ui/page';

export function NotAllowedPage() {
  return (
    <Page title="Not allowed">
      <p>Your account is not allowed to open this page.</p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </Page>
  );
}
