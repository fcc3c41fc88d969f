import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { notificationsQueryKey } from './list-notifications';

export type MarkReadRequest = { ids: string[] } | { all: true };

/** `POST /api/notifications/read`: marks the given notifications (or all) read; answers the new unread count. */
export async function markRead(request: MarkReadRequest): Promise<number> {
  const answer = await apiFetch<{ unreadCount: number }>('/api/notifications/read', { method: 'POST', body: request });
  return answer.unreadCount;
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}
