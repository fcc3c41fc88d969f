import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-types';
import { authorizationsQueryKey, type Authorization, type AuthorizationAlert } from './authorization-types';

export interface AuthorizationListParams {
  /** Only those with this alert; all current ones without. */
  alert?: AuthorizationAlert;
  page: number;
  size: number;
}

/**
 * `GET /api/authorizations` (admins only): one page of the clinic's authorizations that have not expired, the most
 * urgent alert first, then by end date.
 */
export async function listAuthorizations(
  params: AuthorizationListParams,
  signal?: AbortSignal,
): Promise<Page<Authorization>> {
  return apiFetch<Page<Authorization>>(`/api/authorizations${toQueryString({ ...params })}`, { signal });
}

export function useAuthorizations(params: AuthorizationListParams) {
  return useQuery({
    queryKey: [...authorizationsQueryKey, 'list', params],
    queryFn: ({ signal }) => listAuthorizations(params, signal),
    placeholderData: keepPreviousData,
  });
}
