import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { messagingKeys, type Person } from './messaging-types';

/** `GET /api/conversations/contacts`: staff a staff member can start a direct conversation with. */
export async function listContacts(signal?: AbortSignal): Promise<Person[]> {
  return apiFetch<Person[]>('/api/conversations/contacts', { signal });
}

export function useContacts(enabled: boolean) {
  return useQuery({ queryKey: messagingKeys.contacts, queryFn: ({ signal }) => listContacts(signal), enabled });
}
