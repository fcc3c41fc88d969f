import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Credential, Role, User } from '../../../lib/api-types';
import { usersQueryKey } from './list-users';

export interface CreateUserRequest {
  name: string;
  email: string;
  password: string;
  role: Role;
  credential: Credential | null;
}

/** `POST /api/users` (admin only); 409 when the email is taken. */
export async function createUser(request: CreateUserRequest): Promise<User> {
  return apiFetch<User>('/api/users', { method: 'POST', body: request });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
