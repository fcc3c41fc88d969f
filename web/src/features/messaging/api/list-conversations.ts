import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { messagingKeys, type ConversationList } from './messaging-types';

/** `GET /api/conversations`: the user's conversations, most recently active first, with unread counts. */
export async function listConversations(signal?: AbortSignal): Promise<ConversationList> {
  return apiFetch<ConversationList>('/api/conversations?size=100', { signal });
}

export function useConversations() {
  return useQuery({ queryKey: messagingKeys.conversations, queryFn: ({ signal }) => listConversations(signal) });
}
