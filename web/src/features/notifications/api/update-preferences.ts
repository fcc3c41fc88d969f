import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { preferencesQueryKey, type Channel, type Preferences } from './get-preferences';

export interface PreferenceChange {
  kind: string;
  channel: Channel;
  enabled: boolean;
}

/** `PUT /api/notifications/preferences`: saves the changed cells; answers the whole matrix. */
export async function updatePreferences(changes: PreferenceChange[]): Promise<Preferences> {
  return apiFetch<Preferences>('/api/notifications/preferences', {
    method: 'PUT',
    body: { preferences: changes },
  });
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreferences,
    onSuccess: (preferences) => queryClient.setQueryData(preferencesQueryKey, preferences),
  });
}
