import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-types';
import { chargesQueryKey, type Charge, type ChargeStatus } from './charge-types';

export interface ChargeListParams {
  status?: ChargeStatus;
  payerId?: string;
  childId?: string;
  /** Service dates from and to, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  page: number;
  size: number;
}

/** `GET /api/charges` (admins): one page of charges, the latest service first. */
export async function listCharges(params: ChargeListParams, signal?: AbortSignal): Promise<Page<Charge>> {
  return apiFetch<Page<Charge>>(`/api/charges${toQueryString({ ...params })}`, { signal });
}

export function useCharges(params: ChargeListParams) {
  return useQuery({
    queryKey: [...chargesQueryKey, 'list', params],
    queryFn: ({ signal }) => listCharges(params, signal),
    placeholderData: keepPreviousData,
  });
}
