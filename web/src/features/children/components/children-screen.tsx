import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Pagination } from '../../../components/ui/pagination';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import type { Role } from '../../../lib/api-types';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { CHILD_STATUS_LABELS, EDITABLE_CHILD_STATUSES, type ChildStatus } from '../api/child-types';
import { useChildren } from '../api/list-children';
import { ChildrenTable } from './children-table';

const PAGE_SIZE = 20;
const STATUS_OPTIONS = EDITABLE_CHILD_STATUSES.map((status) => ({ value: status, label: CHILD_STATUS_LABELS[status] }));

/**
 * The children the signed-in user may see. Search and filters live in component state only, never in the URL,
 * because a child's name is PHI.
 */
export function ChildrenScreen({ role }: { role: Role }) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ChildStatus | ''>('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [page, setPage] = useState(0);
  const q = useDebouncedValue(search.trim(), 300);

  const children = useChildren({
    q: q || undefined,
    status: status || undefined,
    includeArchived: role === 'admin' ? includeArchived : undefined,
    page,
    size: PAGE_SIZE,
  });
  const pageInfo = children.data?.page;
  const filtered = Boolean(q || status || includeArchived);

  return (
    <>
      <div className="toolbar">
        <div className="filters" role="search" aria-label="Filter children">
          <TextField
            label="Search"
            type="search"
            placeholder="First or last name"
            autoComplete="off"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setPage(0);
            }}
          />
          <SelectField
            label="Status"
            placeholder="Any status"
            options={STATUS_OPTIONS}
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as ChildStatus | '');
              setPage(0);
            }}
          />
          {role === 'admin' && (
            <CheckboxField
              label="Include archived"
              checked={includeArchived}
              onChange={(event) => {
                setIncludeArchived(event.target.checked);
                setPage(0);
              }}
            />
          )}
        </div>
        {role === 'admin' && (
          <Link to="/children/new" className="btn btn-primary">
            New child
          </Link>
        )}
        {role === 'parent' && (
          <Link to="/children/new" className="btn btn-primary">
            Add a child
          </Link>
        )}
      </div>

      {children.isPending ? (
        <p className="muted" role="status">
          Loading children…
        </p>
      ) : children.isError ? (
        <Alert>{errorMessage(children.error)}</Alert>
      ) : children.data.content.length === 0 ? (
        <p className="empty-state" role="status">
          {filtered ? 'No children match these filters.' : emptyMessage(role)}
        </p>
      ) : (
        <>
          <ChildrenTable items={children.data.content} caption="Children" />
          <Pagination
            label="Pages of children"
            page={page}
            totalPages={pageInfo?.totalPages ?? 1}
            totalElements={pageInfo?.totalElements ?? 0}
            noun="children"
            busy={children.isFetching}
            onPageChange={setPage}
          />
        </>
      )}
    </>
  );
}

function emptyMessage(role: Role): string {
  if (role === 'parent') return 'You have not added a child yet.';
  if (role === 'therapist') return 'You are not on any child’s care team yet.';
  return 'No children yet.';
}
