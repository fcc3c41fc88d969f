import { Link } from 'react-router-dom';
import { HomeList, HomeSection } from '../../../components/ui/home-section';
import { formatDay } from '../../../lib/dates';
import type { Authorization } from '../api/authorization-types';
import { useAuthorizations } from '../api/list-authorizations';
import { AuthorizationAlertBadge } from './alert-badge';

function unitsLeft({ unitsRemaining, unitsAuthorized }: Authorization): string {
  return unitsRemaining < 0
    ? `${-unitsRemaining} units over the ${unitsAuthorized} authorized`
    : `${unitsRemaining} of ${unitsAuthorized} units left`;
}

/** Authorizations that are over, running out or ending soon, the most urgent first (admins). */
export function AuthorizationAlertsSection() {
  // the server sorts the most urgent alert first; a page of 50 holds every alert a clinic has on a normal day
  const authorizations = useAuthorizations({ page: 0, size: 50 });
  const alerts = (authorizations.data?.content ?? []).filter((authorization) => authorization.alert !== null);
  return (
    <HomeSection
      title="Authorizations running out"
      count={alerts.length}
      loading={authorizations.isPending}
      error={authorizations.error}
      empty="No authorization is running out, over or ending soon."
      link={{ to: '/authorizations', label: 'All authorizations' }}
    >
      <HomeList label="Authorizations running out">
        {alerts.slice(0, 5).map((authorization) => (
          <li key={authorization.id}>
            <span className="home-item-text">
              <Link to={`/children/${authorization.childId}`}>{authorization.childName}</Link>
              <span className="home-item-meta">
                {authorization.payer} · {authorization.serviceCode} · {unitsLeft(authorization)} · ends{' '}
                {formatDay(authorization.endDate)}
              </span>
            </span>
            <AuthorizationAlertBadge alert={authorization.alert} />
          </li>
        ))}
      </HomeList>
      {alerts.length > 5 && <p className="home-more">and {alerts.length - 5} more</p>}
    </HomeSection>
  );
}
