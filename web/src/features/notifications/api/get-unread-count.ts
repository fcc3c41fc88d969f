import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { notificationsQueryKey } from './list-notifications';

/** `GET /api/notifications/unread-count`. */
export async function getUnreadCount(signal?: AbortSignal): Promise<number> {
  const answer = await apiFetch<{ unreadCount: number }>('/api/notifications/unread-count', { signal });
  return answer.unreadCount;
}

/** The bell's count; live events refresh it at once, the interval is a fallback when the stream is away. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: [...notificationsQueryKey, 'unread-count'],
    queryFn: ({ signal }) => getUnreadCount(signal),
    refetchInterval: 60_000,
    enabled,
  });
}
