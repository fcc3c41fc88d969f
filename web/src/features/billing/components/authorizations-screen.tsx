import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Pagination } from '../../../components/ui/pagination';
import { SelectField } from '../../../components/ui/select-field';
import { Table } from '../../../components/ui/table';
import { errorMessage } from '../../../lib/api-error';
import { formatDay } from '../../../lib/dates';
import { serviceLabel, type Authorization, type AuthorizationAlert } from '../api/authorization-types';
import { useAuthorizations } from '../api/list-authorizations';
import { AuthorizationAlertBadge } from './alert-badge';
import { UsageBar } from './usage-bar';

const PAGE_SIZE = 20;

const FILTER_OPTIONS: { value: AuthorizationAlert; label: string }[] = [
  { value: 'running_out', label: 'Running out' },
  { value: 'over', label: 'Over' },
  { value: 'expiring', label: 'Ending soon' },
];

const EMPTY_TEXT: Record<AuthorizationAlert | '', string> = {
  '': 'No current authorizations.',
  running_out: 'No authorization is running out.',
  over: 'No authorization is over its units.',
  expiring: 'No authorization ends soon.',
};

/**
 * The admin's clinic-wide list of current authorizations, the most urgent first: a table on wider screens that
 * stacks into one card per authorization on a phone.
 */
export function AuthorizationsScreen() {
  const [alert, setAlert] = useState<AuthorizationAlert | ''>('');
  const [page, setPage] = useState(0);
  const authorizations = useAuthorizations({ alert: alert || undefined, page, size: PAGE_SIZE });
  const pageInfo = authorizations.data?.page;

  return (
    <>
      <div className="toolbar">
        <div className="filters auth-filters" role="search" aria-label="Filter authorizations">
          <SelectField
            label="Show"
            placeholder="All current"
            options={FILTER_OPTIONS}
            value={alert}
            onChange={(event) => {
              setAlert(event.target.value as AuthorizationAlert | '');
              setPage(0);
            }}
          />
        </div>
      </div>

      {authorizations.isPending ? (
        <p className="muted" role="status">
          Loading authorizations…
        </p>
      ) : authorizations.isError ? (
        <Alert>{errorMessage(authorizations.error)}</Alert>
      ) : authorizations.data.content.length === 0 ? (
        <p className="empty-state">{EMPTY_TEXT[alert]}</p>
      ) : (
        <>
          <AuthorizationsTable items={authorizations.data.content} />
          {(pageInfo?.totalPages ?? 1) > 1 && (
            <Pagination
              label="Pages of authorizations"
              page={page}
              totalPages={pageInfo?.totalPages ?? 1}
              totalElements={pageInfo?.totalElements ?? 0}
              noun="authorizations"
              busy={authorizations.isFetching}
              onPageChange={setPage}
            />
          )}
        </>
      )}
    </>
  );
}

function AuthorizationsTable({ items }: { items: Authorization[] }) {
  return (
    <Table caption="Current authorizations" captionHidden>
      <thead>
        <tr>
          <th scope="col">Child</th>
          <th scope="col">Service</th>
          <th scope="col">Payer and number</th>
          <th scope="col">Dates</th>
          <th scope="col">Units</th>
          <th scope="col">Alert</th>
        </tr>
      </thead>
      <tbody className="table-stack">
        {items.map((authorization) => (
          <tr key={authorization.id}>
            <th scope="row" className="cell-person">
              <Link to={`/children/${authorization.childId}`} className="cell-name">
                {authorization.childName}
              </Link>
            </th>
            <td data-label="Service">{serviceLabel(authorization.serviceCode)}</td>
            <td data-label="Payer">
              {authorization.payer}
              <span className="cell-email">No. {authorization.authorizationNumber}</span>
            </td>
            <td data-label="Dates" className="cell-dates">
              <span className="cell-name">{formatDay(authorization.startDate)} –</span>
              <span className="cell-name">{formatDay(authorization.endDate)}</span>
            </td>
            <td data-label="Units" className="cell-usage">
              <UsageBar authorization={authorization} compact />
            </td>
            <td data-label="Alert">
              {authorization.alert ? (
                <AuthorizationAlertBadge alert={authorization.alert} />
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
