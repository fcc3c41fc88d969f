import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import {
  childQueryKey,
  childrenQueryKey,
  type Child,
  type ChildSex,
  type EmergencyContact,
  type HomeAddressRequest,
  type Insurance,
} from './child-types';

export interface CreateChildRequest {
  firstName: string;
  lastName: string;
  preferredName?: string;
  dateOfBirth: string;
  diagnosisCodes?: string[];
  school?: string;
  medicalNotes?: string;
  allergies?: string;
  emergencyContacts?: EmergencyContact[];
  insurance?: Insurance;
  /** Only for parents, who become the child's guardian; the server defaults it to "parent". */
  guardianRelationship?: string;
  sex?: ChildSex;
  address?: HomeAddressRequest;
}

/** `POST /api/children` (admin or parent): the child starts in intake. */
export async function createChild(request: CreateChildRequest): Promise<Child> {
  return apiFetch<Child>('/api/children', { method: 'POST', body: request });
}

export function useCreateChild() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createChild,
    onSuccess: (child) => {
      queryClient.setQueryData(childQueryKey(child.id), child);
      return queryClient.invalidateQueries({ queryKey: [...childrenQueryKey, 'list'] });
    },
  });
}
