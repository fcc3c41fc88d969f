import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { childrenQueryKey } from './child-types';

/** `POST /api/children/{id}/erasure`'s answer: what the child is called now, whose accounts were erased or kept. */
export interface FamilyErasure {
  childId: string;
  displayName: string;
  erasedAt: string;
  guardiansErased: string[];
  guardiansKept: string[];
}

/** `POST /api/children/{id}/erasure` (admins): erases the family; `confirmation` is the child's name, typed. */
export function eraseFamily({ childId, confirmation }: { childId: string; confirmation: string }) {
  return apiFetch<FamilyErasure>(`/api/children/${encodeURIComponent(childId)}/erasure`, {
    method: 'POST',
    body: { confirmation },
  });
}

export function useEraseFamily() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: eraseFamily,
    onSettled: () => queryClient.invalidateQueries({ queryKey: childrenQueryKey }),
  });
}
