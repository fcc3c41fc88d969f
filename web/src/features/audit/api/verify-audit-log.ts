import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export interface AuditVerification {
  valid: boolean;
  checked: number;
  firstInvalidId: string | null;
}

/** `GET /api/audit/verify` (admin only): checks the hash chain of the audit log. A mutation: it runs on demand. */
export async function verifyAuditLog(): Promise<AuditVerification> {
  return apiFetch<AuditVerification>('/api/audit/verify');
}

export function useVerifyAuditLog() {
  return useMutation({ mutationFn: verifyAuditLog });
}
