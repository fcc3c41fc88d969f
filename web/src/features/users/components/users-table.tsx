import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Table } from '../../../components/ui/table';
import { ROLE_LABELS, type User } from '../../../lib/api-types';

interface UsersTableProps {
  users: User[];
  onEdit: (user: User) => void;
  onDeactivate: (user: User) => void;
  onReactivate: (user: User) => void;
  /** The signed-in admin, who cannot deactivate themselves. */
  currentUserId?: string;
}

export function UsersTable({ users, onEdit, onDeactivate, onReactivate, currentUserId }: UsersTableProps) {
  return (
    <Table caption="Users" captionHidden>
      <thead>
        <tr>
          <th scope="col">Name and email</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="table-stack">
        {users.map((user) => (
          <tr key={user.id} className={user.active ? undefined : 'row-inactive'}>
            <th scope="row" className="cell-person">
              <span className="cell-name">{user.name}</span>
              <span className="cell-email">{user.email}</span>
            </th>
            <td data-label="Role">
              {ROLE_LABELS[user.role]}
              {user.role === 'therapist' && user.credential && <span className="cell-sub"> · {user.credential}</span>}
            </td>
            <td data-label="Status">
              {user.active ? <Badge tone="success">Active</Badge> : <Badge tone="muted">Inactive</Badge>}
            </td>
            <td className="cell-actions">
              <Button variant="secondary" size="sm" onClick={() => onEdit(user)} aria-label={`Edit ${user.name}`}>
                Edit
              </Button>
              {user.active ? (
                user.id !== currentUserId && (
                  <Button
                    variant="danger"
                    size="sm"
                    onClick={() => onDeactivate(user)}
                    aria-label={`Deactivate ${user.name}`}
                  >
                    Deactivate
                  </Button>
                )
              ) : (
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => onReactivate(user)}
                  aria-label={`Reactivate ${user.name}`}
                >
                  Reactivate
                </Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
