import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import {
  childQueryKey,
  childrenQueryKey,
  type Child,
  type ChildSex,
  type ChildStatus,
  type EmergencyContact,
  type HomeAddressRequest,
  type Insurance,
} from './child-types';

/** Partial: omitted fields stay as they are; null clears an optional field. */
export interface UpdateChildRequest {
  firstName?: string;
  lastName?: string;
  preferredName?: string | null;
  dateOfBirth?: string;
  diagnosisCodes?: string[];
  status?: Exclude<ChildStatus, 'archived'>;
  intakeDate?: string | null;
  school?: string | null;
  medicalNotes?: string | null;
  allergies?: string | null;
  emergencyContacts?: EmergencyContact[];
  insurance?: Insurance | null;
  sex?: ChildSex;
  /** All parts empty clears the address. */
  address?: HomeAddressRequest;
}

/**
 * `PUT /api/children/{id}`, guarded by the version the user saw (`If-Match`); 412 when someone changed the
 * child in between. Admins may change every field; guardians only contacts, medical notes and allergies.
 */
export async function updateChild(id: string, version: number, request: UpdateChildRequest): Promise<Child> {
  return apiFetch<Child>(`/api/children/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: request,
    headers: { 'If-Match': `"${version}"` },
  });
}

export function useUpdateChild() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ child, changes }: { child: Child; changes: UpdateChildRequest }) =>
      updateChild(child.id, child.version, changes),
    onSuccess: (saved) => queryClient.setQueryData(childQueryKey(saved.id), saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: childrenQueryKey }),
  });
}
