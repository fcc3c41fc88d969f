import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Pagination } from '../../../components/ui/pagination';
import { Table } from '../../../components/ui/table';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/dates';
import { useChildSessions } from '../api/list-child-sessions';
import { PLACE_LABELS, serviceCodeLabel } from '../api/session-types';

const PAGE_SIZE = 20;

/** A child's sessions, newest first, each leading to its record. */
export function ChildSessions({ childId }: { childId: string }) {
  const [page, setPage] = useState(0);
  const sessions = useChildSessions(childId, { page, size: PAGE_SIZE });

  if (sessions.isPending) {
    return (
      <p className="muted" role="status">
        Loading sessions…
      </p>
    );
  }
  if (sessions.isError) return <Alert>{errorMessage(sessions.error)}</Alert>;
  if (sessions.data.content.length === 0) return <p className="empty-state">No sessions yet.</p>;

  return (
    <>
      <Table caption="Sessions" captionHidden>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Therapist</th>
            <th scope="col">Service</th>
            <th scope="col">Status</th>
            <th scope="col">Guardian signed</th>
          </tr>
        </thead>
        <tbody className="table-stack">
          {sessions.data.content.map((session) => (
            <tr key={session.id}>
              <th scope="row" className="cell-nowrap">
                <Link to={`/sessions/${session.id}`}>{formatDateTime(session.startedAt)}</Link>
                <span className="cell-email">{PLACE_LABELS[session.place] ?? session.place}</span>
              </th>
              <td data-label="Therapist">{session.therapist.name}</td>
              <td data-label="Service">{serviceCodeLabel(session.serviceCode)}</td>
              <td data-label="Status">
                <Badge tone={session.status === 'submitted' ? 'success' : 'info'}>
                  {session.status === 'submitted' ? 'Submitted' : 'Open'}
                </Badge>
              </td>
              <td data-label="Guardian signed">{session.guardianSigned ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination
        label="Pages of sessions"
        page={page}
        totalPages={sessions.data.page.totalPages}
        totalElements={sessions.data.page.totalElements}
        noun="sessions"
        busy={sessions.isFetching}
        onPageChange={setPage}
      />
    </>
  );
}
