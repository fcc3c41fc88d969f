import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { messagingKeys, type Message } from './messaging-types';

/** `PATCH /api/messages/{id}`: the author only, within 15 minutes (409 after). */
export async function editMessage(messageId: string, body: string): Promise<Message> {
  return apiFetch<Message>(`/api/messages/${encodeURIComponent(messageId)}`, { method: 'PATCH', body: { body } });
}

export function useEditMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, body }: { messageId: string; body: string }) => editMessage(messageId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: messagingKeys.messages(conversationId) }),
  });
}
