import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { messagingKeys } from './messaging-types';

/** `GET /api/conversations/unread-count`: messages of others not read yet, over all conversations. */
export async function getUnreadCount(signal?: AbortSignal): Promise<number> {
  return (await apiFetch<{ unread: number }>('/api/conversations/unread-count', { signal })).unread;
}

/** The unread count for the navigation badge; refreshed on focus, by live updates and once a minute. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: messagingKeys.unreadCount,
    queryFn: ({ signal }) => getUnreadCount(signal),
    enabled,
    refetchInterval: 60_000,
  });
}
