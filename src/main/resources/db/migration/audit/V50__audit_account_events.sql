-- audit: account events (sign-ins, failures, lockouts, role changes…), reads of the log itself and the search terms of
-- searches over PHI (ADR 0005). detail joins the hash only when present, so older entries verify unchanged.
alter table audit_log add column detail text;

create index audit_log_action_idx on audit_log (action, seq desc);
