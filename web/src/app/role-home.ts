import type { Role } from '../lib/api-types';

/** Where each role lands after signing in. */
export const HOME_PATHS: Record<Role, string> = {
  admin: '/admin',
  therapist: '/therapist',
  parent: '/parent',
};
