import { z } from 'zod';
import { CREDENTIALS, ROLES } from '../../../lib/api-types';
import { passwordSchema } from '../../../lib/password-rule';

const userFields = {
  name: z.string().trim().min(1, 'Enter a name').max(200, 'Use at most 200 characters'),
  email: z.string().trim().min(1, 'Enter an email address').pipe(z.email('Enter a valid email address')),
  role: z.enum(ROLES, { message: 'Choose a role' }),
  credential: z.union([z.enum(CREDENTIALS), z.literal('')]),
};

/** Therapists must have a credential (BCBA, BCaBA, RBT or other); nobody else has one. */
function requireTherapistCredential(values: { role: string; credential: string }, ctx: z.RefinementCtx) {
  if (values.role === 'therapist' && !values.credential) {
    ctx.addIssue({ code: 'custom', path: ['credential'], message: 'Choose the therapist’s credential' });
  }
}

export const createUserSchema = z
  .object({
    ...userFields,
    password: passwordSchema,
  })
  .superRefine(requireTherapistCredential);

/** An invitation: the invitee chooses their own password when accepting. */
export const inviteUserSchema = z.object(userFields).superRefine(requireTherapistCredential);

export const editUserSchema = z.object({ ...userFields, active: z.boolean() }).superRefine(requireTherapistCredential);

export type CreateUserForm = z.infer<typeof createUserSchema>;
export type InviteUserForm = z.infer<typeof inviteUserSchema>;
export type EditUserForm = z.infer<typeof editUserSchema>;
