import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { messagingKeys, type Audience, type Conversation } from './messaging-types';

export type NewConversation =
  { memberIds: string[]; title?: string; body?: string } | { audience: Audience; title: string; body: string };

/**
 * `POST /api/conversations`: a direct conversation between staff (the existing one for the same members comes
 * back), or an admin's announcement to a role or everyone. `body` is posted as the first message.
 */
export async function createConversation(request: NewConversation): Promise<Conversation> {
  return apiFetch<Conversation>('/api/conversations', { method: 'POST', body: request });
}

export function useCreateConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createConversation,
    onSettled: () => queryClient.invalidateQueries({ queryKey: messagingKeys.conversations }),
  });
}
