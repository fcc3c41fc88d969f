import { isRouteErrorResponse, Link, useLocation, useNavigate, useRouteError } from 'react-router-dom';
import { Page } from '../../components/ui/page';

/** What went wrong, in words a user can act on; the technical message stays available below it. */
function describe(error: unknown): { summary: string; technical: string | null } {
  if (isRouteErrorResponse(error)) {
    return error.status === 404
      ? { summary: 'There is no page at this address.', technical: null }
      : { summary: `The server answered ${error.status} ${error.statusText}.`, technical: null };
  }
  if (error instanceof Error && /dynamically imported module|loading chunk/i.test(error.message)) {
    return {
      summary: 'A part of the app could not be downloaded, perhaps because a new version was installed.',
      technical: error.message,
    };
  }
  return {
    summary: 'Something went wrong while showing this page. Nothing you saved was lost.',
    technical: error instanceof Error ? error.message : null,
  };
}

/**
 * Every route's error boundary (`errorElement`): instead of the router's developer page, it says what went wrong and
 * offers to try again (render the page again, fetching what it lacks) or to go home. Inside the app shell the
 * navigation stays usable around it.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();
  const { summary, technical } = describe(error);
  return (
    <Page title="This page could not be shown">
      <div className="alert alert-error" role="alert">
        <p>{summary}</p>
      </div>
      <div className="error-page-actions">
        <button
          type="button"
          className="btn btn-primary"
          // navigating to the same address resets the boundary: the page renders again and fetches what it lacks
          onClick={() => void navigate(location, { replace: true })}
        >
          Try again
        </button>
        <Link to="/" className="btn btn-secondary">
          Go to your home page
        </Link>
      </div>
      <p className="muted">If it happens again, tell your clinic administrator what you were doing.</p>
      {technical && (
        <details>
          <summary>Technical details</summary>
          <p>
            <code>{technical}</code>
          </p>
        </details>
      )}
    </Page>
  );
}
