import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Credential, Role, User } from '../../../lib/api-types';
import { usersQueryKey } from './list-users';

export interface UpdateUserRequest {
  name: string;
  email: string;
  role: Role;
  credential: Credential | null;
  active: boolean;
}

/**
 * `PUT /api/users/{id}` (admin only), guarded by the version the admin saw (`If-Match`);
 * the server answers 412 when someone changed the user in between.
 */
export async function updateUser(id: string, version: number, request: UpdateUserRequest): Promise<User> {
  return apiFetch<User>(`/api/users/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: request,
    headers: { 'If-Match': `"${version}"` },
  });
}

/** Everything a PUT needs from the current user, with the changes applied. */
export function toUpdateRequest(user: User, changes: Partial<UpdateUserRequest> = {}): UpdateUserRequest {
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    credential: user.credential,
    active: user.active,
    ...changes,
  };
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, changes }: { user: User; changes: Partial<UpdateUserRequest> }) =>
      updateUser(user.id, user.version, toUpdateRequest(user, changes)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
