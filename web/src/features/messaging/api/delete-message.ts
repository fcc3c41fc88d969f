import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { messagingKeys } from './messaging-types';

/** `DELETE /api/messages/{id}`: the author only; leaves a tombstone. */
export async function deleteMessage(messageId: string): Promise<void> {
  await apiFetch<void>(`/api/messages/${encodeURIComponent(messageId)}`, { method: 'DELETE' });
}

export function useDeleteMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteMessage,
    onSettled: () => queryClient.invalidateQueries({ queryKey: messagingKeys.messages(conversationId) }),
  });
}
