import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Pagination } from '../../../components/ui/pagination';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import type { Role, User } from '../../../lib/api-types';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { isPreconditionFailed } from '../../../lib/use-precondition-reload';
import { useUsers } from '../api/list-users';
import { useUpdateUser } from '../api/update-user';
import { CreateUserDialog } from './create-user-dialog';
import { DeactivateUserDialog } from './deactivate-user-dialog';
import { EditUserDialog } from './edit-user-dialog';
import { InvitationsList } from './invitations-list';
import { ROLE_OPTIONS } from './user-fields';
import { UsersTable } from './users-table';

const PAGE_SIZE = 20;

const STATUS_OPTIONS = [
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Inactive' },
];

/**
 * The admin's list of every account: search, filter, page, invite or create, edit, deactivate and reactivate; above
 * it, the open invitations.
 */
export function UsersScreen({ currentUserId }: { currentUserId?: string }) {
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('');
  const [page, setPage] = useState(0);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const [notice, setNotice] = useState('');
  const q = useDebouncedValue(search.trim(), 300);

  const users = useUsers({
    q: q || undefined,
    role: role || undefined,
    active: active === '' ? undefined : active === 'true',
    page,
    size: PAGE_SIZE,
  });
  const reactivate = useUpdateUser();

  const pageInfo = users.data?.page;

  function resetPage<T>(setter: (value: T) => void) {
    return (value: T) => {
      setter(value);
      setPage(0);
    };
  }

  return (
    <>
      <div className="toolbar">
        <div className="filters" role="search" aria-label="Filter users">
          <TextField
            label="Search"
            type="search"
            placeholder="Name or email"
            value={search}
            onChange={(event) => resetPage(setSearch)(event.target.value)}
          />
          <SelectField
            label="Role"
            placeholder="Any role"
            options={ROLE_OPTIONS}
            value={role}
            onChange={(event) => resetPage(setRole)(event.target.value as Role | '')}
          />
          <SelectField
            label="Status"
            placeholder="Any status"
            options={STATUS_OPTIONS}
            value={active}
            onChange={(event) => resetPage(setActive)(event.target.value as '' | 'true' | 'false')}
          />
        </div>
        <Button onClick={() => setCreating(true)}>New user</Button>
      </div>

      <div aria-live="polite" className="notice-region">
        {notice && <Alert tone="success">{notice}</Alert>}
      </div>
      {reactivate.isError && (
        <Alert>
          {isPreconditionFailed(reactivate.error)
            ? 'This user was changed by someone else. The list is up to date now; try again.'
            : errorMessage(reactivate.error)}
        </Alert>
      )}

      <InvitationsList onNotice={setNotice} />

      {users.isPending ? (
        <p className="muted" role="status">
          Loading users…
        </p>
      ) : users.isError ? (
        <Alert>{errorMessage(users.error)}</Alert>
      ) : users.data.content.length === 0 ? (
        <p className="empty-state">No users match these filters.</p>
      ) : (
        <>
          <UsersTable
            users={users.data.content}
            currentUserId={currentUserId}
            onEdit={setEditing}
            onDeactivate={setDeactivating}
            onReactivate={(user) =>
              reactivate.mutate(
                { user, changes: { active: true } },
                { onSuccess: (saved) => setNotice(`${saved.name} was reactivated.`) },
              )
            }
          />
          <Pagination
            label="Pages of users"
            page={page}
            totalPages={pageInfo?.totalPages ?? 1}
            totalElements={pageInfo?.totalElements ?? 0}
            noun="users"
            busy={users.isFetching}
            onPageChange={setPage}
          />
        </>
      )}

      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          setNotice(`${user.name} was created.`);
        }}
        onInvited={(invitation) => {
          setCreating(false);
          setNotice(`An invitation was sent to ${invitation.email}.`);
        }}
      />
      <EditUserDialog
        user={editing}
        currentUserId={currentUserId}
        onClose={() => setEditing(null)}
        onSaved={(user) => {
          setEditing(null);
          setNotice(`${user.name} was saved.`);
        }}
      />
      <DeactivateUserDialog
        user={deactivating}
        onClose={() => setDeactivating(null)}
        onDone={(user) => {
          setDeactivating(null);
          setNotice(`${user.name} was deactivated.`);
        }}
      />
    </>
  );
}
