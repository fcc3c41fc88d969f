-- audit: the chain is keyed from now on (HMAC-SHA256 with a key kept outside the database, ADR 0005). Rows written
-- before keep their plain SHA-256 hashes and say so; the verifier refuses a plain row after the first keyed one.
alter table audit_log
    add column hash_scheme text not null default 'sha256' check (hash_scheme in ('sha256', 'hmac-sha256')),
    add column key_id      text;
