import { useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { messagingKeys, type MessagePage } from './messaging-types';

export const MESSAGE_PAGE_SIZE = 30;

/** `GET /api/conversations/{id}/messages?before=&limit=`: the newest page first; 404 for someone else's. */
export async function listMessages(
  conversationId: string,
  before?: string,
  signal?: AbortSignal,
): Promise<MessagePage> {
  return apiFetch<MessagePage>(
    `/api/conversations/${encodeURIComponent(conversationId)}/messages${toQueryString({ before, limit: MESSAGE_PAGE_SIZE })}`,
    { signal },
  );
}

/** Pages of a conversation: `pages[0]` is the newest; "load older" fetches the next. */
export function useMessages(conversationId: string) {
  return useInfiniteQuery({
    queryKey: messagingKeys.messages(conversationId),
    queryFn: ({ pageParam, signal }) => listMessages(conversationId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
}
