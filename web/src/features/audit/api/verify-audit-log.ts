import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export interface AuditVerification {
  valid: boolean;
  checked: number;
  firstInvalidId: string | null;
  /** What is wrong (names the checkpoint when one disagrees); null when valid. */
  problem: string | null;
  /** How many signed checkpoints outside the database were compared. */
  checkpoints: number;
  /** The entry of the checkpoint that failed, if one did. */
  checkpointSeq: number | null;
  /** Entries written but not yet chained by the sealer (seconds old at most, normally; ADR 0005). */
  unsealed: number;
  /** When the oldest unsealed entry was written; null when every entry is sealed. */
  oldestUnsealedAt: string | null;
}

/** `GET /api/audit/verify` (admin only): checks the hash chain of the audit log. A mutation: it runs on demand. */
export async function verifyAuditLog(): Promise<AuditVerification> {
  return apiFetch<AuditVerification>('/api/audit/verify');
}

export function useVerifyAuditLog() {
  return useMutation({ mutationFn: verifyAuditLog });
}
