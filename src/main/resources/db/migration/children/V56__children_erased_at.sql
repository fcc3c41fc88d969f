-- children: when a child's family was erased (pseudonymised, ADR 0040). Set once, in the erasure's transaction; an
-- erased child's identifying fields hold a pseudonym, its clinical record is kept for its retention period.

alter table children add column erased_at timestamptz;
