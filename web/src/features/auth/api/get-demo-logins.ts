import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';

export const demoLoginsSchema = z.object({
  password: z.string(),
  logins: z.array(z.object({ name: z.string(), email: z.string(), role: z.string(), label: z.string() })),
});

export type DemoLogins = z.infer<typeof demoLoginsSchema>;

/**
 * `GET /api/demo/logins`: the demo clinic's accounts and their shared password. The route exists only when the
 * server runs the demo profile; anywhere else it answers 404, and this returns null.
 */
export async function getDemoLogins(): Promise<DemoLogins | null> {
  try {
    return demoLoginsSchema.parse(await apiFetch<unknown>('/api/demo/logins', { anonymous: true }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function useDemoLogins() {
  return useQuery({ queryKey: ['demo-logins'], queryFn: getDemoLogins, staleTime: Infinity, retry: false });
}
