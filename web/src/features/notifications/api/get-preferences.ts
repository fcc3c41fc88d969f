import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { notificationsQueryKey } from './list-notifications';

export type Channel = 'in_app' | 'email';

/** One cell of the kind × channel matrix. `locked` cells (account security mail) cannot be turned off. */
export interface Preference {
  kind: string;
  label: string;
  channel: Channel;
  enabled: boolean;
  locked: boolean;
}

export interface Preferences {
  channels: Channel[];
  preferences: Preference[];
}

export const preferencesQueryKey = [...notificationsQueryKey, 'preferences'] as const;

/** `GET /api/notifications/preferences`. */
export async function getPreferences(signal?: AbortSignal): Promise<Preferences> {
  return apiFetch<Preferences>('/api/notifications/preferences', { signal });
}

export function usePreferences() {
  return useQuery({ queryKey: preferencesQueryKey, queryFn: ({ signal }) => getPreferences(signal) });
}
