import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Page, Role, User } from '../../../lib/api-types';

export interface UserListParams {
  /** Searches name and email. */
  q?: string;
  role?: Role;
  active?: boolean;
  page: number;
  size: number;
  sort?: string;
}

export const usersQueryKey = ['users'] as const;

/** `GET /api/users` (admin only): one page of users matching the filters. */
export async function listUsers(params: UserListParams, signal?: AbortSignal): Promise<Page<User>> {
  const query = toQueryString({ sort: 'name,asc', ...params });
  return apiFetch<Page<User>>(`/api/users${query}`, { signal });
}

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: [...usersQueryKey, 'list', params],
    queryFn: ({ signal }) => listUsers(params, signal),
    placeholderData: keepPreviousData,
  });
}
