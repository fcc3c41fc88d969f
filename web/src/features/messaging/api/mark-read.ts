import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { messagingKeys } from './messaging-types';

export interface ReadResult {
  conversationId: string;
  upTo: string;
  unreadCount: number;
}

/** `POST /api/conversations/{id}/read` `{upTo}`: the read position only moves forward. */
export async function markRead(conversationId: string, upTo: string): Promise<ReadResult> {
  return apiFetch<ReadResult>(`/api/conversations/${encodeURIComponent(conversationId)}/read`, {
    method: 'POST',
    body: { upTo },
  });
}

export function useMarkRead(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upTo: string) => markRead(conversationId, upTo),
    // the list and the badge, not the messages themselves
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: messagingKeys.conversations, exact: true }),
        queryClient.invalidateQueries({ queryKey: messagingKeys.unreadCount }),
      ]),
  });
}
