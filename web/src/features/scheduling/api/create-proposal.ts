import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import type { Proposal } from './appointment-types';

/** `POST /api/schedule/proposals` (admins): a draft week for the active children's prescribed hours. */
export async function createProposal(request: Schema<'ProposalRequest'>): Promise<Proposal> {
  return apiFetch<Proposal>('/api/schedule/proposals', { method: 'POST', body: request });
}

export function useCreateProposal() {
  return useMutation({ mutationFn: createProposal });
}
