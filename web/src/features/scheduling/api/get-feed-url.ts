import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';
import { schedulingQueryKey } from './appointment-types';

export const feedUrlQueryKey = [...schedulingQueryKey, 'feed-url'] as const;

/** `GET /api/calendar/feed-url`: the caller's private iCalendar feed. */
export async function getFeedUrl(signal?: AbortSignal): Promise<Schema<'FeedUrlResponse'>> {
  return apiFetch<Schema<'FeedUrlResponse'>>('/api/calendar/feed-url', { signal });
}

export function useFeedUrl({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: feedUrlQueryKey, queryFn: ({ signal }) => getFeedUrl(signal), enabled });
}
