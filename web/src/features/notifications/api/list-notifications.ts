import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import type { Schema } from '../../../lib/api-types';

/**
 * One notification of the signed-in person. `link` is a path in this app. A `task` asks the person to do something
 * (sign a note, decide a proposed change); `resolvedAt` says when it was done, by anyone (a resolved notice is read).
 */
export type Notification = Schema<'NotificationResponse'>;

export type NotificationCentre = Schema<'CentreResponse'>;

export interface NotificationListParams {
  unreadOnly?: boolean;
  page: number;
  size: number;
}

/** Every notifications query starts with this key; live events invalidate it. */
export const notificationsQueryKey = ['notifications'] as const;

/** `GET /api/notifications`: the caller's notifications, newest first, with the unread count. */
export async function listNotifications(
  params: NotificationListParams,
  signal?: AbortSignal,
): Promise<NotificationCentre> {
  return apiFetch<NotificationCentre>(`/api/notifications${toQueryString({ ...params })}`, { signal });
}

export function useNotifications(params: NotificationListParams) {
  return useQuery({
    queryKey: [...notificationsQueryKey, 'list', params],
    queryFn: ({ signal }) => listNotifications(params, signal),
    placeholderData: keepPreviousData,
  });
}
