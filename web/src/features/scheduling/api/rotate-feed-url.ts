import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { feedUrlQueryKey } from './get-feed-url';

/** `POST /api/calendar/feed-url/rotate`: a new private URL; the old one stops working. */
export async function rotateFeedUrl(): Promise<{ url: string }> {
  return apiFetch<{ url: string }>('/api/calendar/feed-url/rotate', { method: 'POST' });
}

export function useRotateFeedUrl() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateFeedUrl,
    onSuccess: (feed) => queryClient.setQueryData(feedUrlQueryKey, feed),
  });
}
