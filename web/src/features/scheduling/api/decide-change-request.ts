import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { appointmentsQueryKey } from './appointment-types';
import { changeRequestsQueryKey, type ChangeRequest } from './change-request-types';

/** How a request is settled: approved by an admin (with an override reason after a refusal), declined, withdrawn. */
export type Decision =
  { kind: 'approve'; overrideReason?: string } | { kind: 'decline'; reason: string } | { kind: 'withdraw' };

/**
 * `POST /api/appointment-change-requests/{id}/approve | decline | withdraw`. Approving moves the appointment as a
 * direct move would: 409 with the conflicts, nothing changed.
 */
export async function decideChangeRequest(request: ChangeRequest, decision: Decision): Promise<ChangeRequest> {
  const path = `/api/appointment-change-requests/${encodeURIComponent(request.id)}/${decision.kind}`;
  const headers = { 'If-Match': `"${request.version}"` };
  const body: Schema<'ApproveRequest'> | Schema<'DeclineRequest'> | undefined =
    decision.kind === 'approve'
      ? decision.overrideReason
        ? { override: { reason: decision.overrideReason } }
        : {}
      : decision.kind === 'decline'
        ? { reason: decision.reason }
        : undefined;
  return apiFetch<ChangeRequest>(path, { method: 'POST', body, headers });
}

export function useDecideChangeRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, decision }: { request: ChangeRequest; decision: Decision }) =>
      decideChangeRequest(request, decision),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: changeRequestsQueryKey });
      void queryClient.invalidateQueries({ queryKey: appointmentsQueryKey });
    },
  });
}
