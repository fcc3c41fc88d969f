import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../lib/api-client';
import type { User } from '../../../lib/api-types';
import { updateSessionUser } from '../../../lib/auth-session';
import { profileQueryKey } from './get-profile';
import { passwordSchema } from '../../../lib/password-rule';

export const nameSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(200, 'Use at most 200 characters'),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password'),
    newPassword: passwordSchema,
    confirmPassword: z.string().min(1, 'Repeat the new password'),
  })
  .refine((values) => values.newPassword === values.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match',
  });

export type NameForm = z.infer<typeof nameSchema>;
export type ChangePasswordForm = z.infer<typeof changePasswordSchema>;

export type UpdateProfileRequest = { name: string } | { name: string; currentPassword: string; newPassword: string };

/** `PUT /api/auth/profile`: changes the signed-in user's name, and their password when both passwords are given. */
export async function updateProfile(request: UpdateProfileRequest): Promise<User> {
  return apiFetch<User>('/api/auth/profile', { method: 'PUT', body: request });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (user) => {
      queryClient.setQueryData(profileQueryKey, user);
      updateSessionUser(user);
    },
  });
}
