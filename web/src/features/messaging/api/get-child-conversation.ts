import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { messagingKeys, type Conversation } from './messaging-types';

/** `GET /api/children/{id}/conversation`: the child's conversation with its care team, started on first use. */
export async function getChildConversation(childId: string): Promise<Conversation> {
  return apiFetch<Conversation>(`/api/children/${encodeURIComponent(childId)}/conversation`);
}

/** Opens the child's conversation on demand (it may be started by this call). */
export function useOpenChildConversation(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => getChildConversation(childId),
    onSuccess: (conversation) => queryClient.setQueryData(messagingKeys.childConversation(childId), conversation),
  });
}
