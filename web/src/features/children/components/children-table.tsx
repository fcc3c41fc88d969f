import { Link } from 'react-router-dom';
import { Table } from '../../../components/ui/table';
import { formatAge, formatDay } from '../../../lib/dates';
import type { ChildSummary } from '../api/child-types';
import { ChildStatusBadge } from './child-status-badge';

export function ChildrenTable({ items, caption }: { items: ChildSummary[]; caption: string }) {
  return (
    <Table caption={caption} captionHidden>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Date of birth</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody className="table-stack">
        {items.map((child) => (
          <tr key={child.id} className={child.status === 'archived' ? 'row-inactive' : undefined}>
            <th scope="row" className="cell-person">
              <Link to={`/children/${child.id}`} className="cell-name">
                {child.firstName} {child.lastName}
              </Link>
              {child.preferredName && <span className="cell-email">Goes by {child.preferredName}</span>}
            </th>
            <td data-label="Date of birth">
              {formatDay(child.dateOfBirth)}
              <span className="cell-email">{formatAge(child.dateOfBirth)}</span>
            </td>
            <td data-label="Status">
              <ChildStatusBadge status={child.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
