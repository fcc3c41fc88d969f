-- audit: entries are appended unchained and sealed shortly after by one sealer at a time (issue 16, ADR 0005).
-- An append is a plain insert in the caller's transaction (durable with the access, no lock); the sealer gives each
-- committed, unsealed entry its place in the chain (chain_seq, consecutive after the last sealed entry), the previous
-- entry's hash, its own keyed hash, the scheme and the key id — once. Entries sealed before keep their place
-- (chain_seq = seq), so old chains and old checkpoints verify unchanged.

-- the old trigger refuses every update; it is replaced below by one that allows sealing
drop trigger audit_log_no_update on audit_log;

alter table audit_log add column chain_seq bigint;
update audit_log set chain_seq = seq;

alter table audit_log
    alter column hash drop not null,
    alter column hash_scheme drop not null,
    alter column hash_scheme drop default,
    -- an entry is either unsealed (no chain fields) or sealed (place, hash and scheme)
    add constraint audit_log_sealed_whole check (
        (chain_seq is null and previous_hash is null and hash is null and hash_scheme is null and key_id is null)
        or (chain_seq is not null and hash is not null and hash_scheme is not null));

-- one entry per place in the chain: two sealers can never fork it
create unique index audit_log_chain_idx on audit_log (chain_seq);
-- the unsealed tail, for the sealer and the operators' gauge (small: seconds of appends)
create index audit_log_unsealed_idx on audit_log (seq) where chain_seq is null;

-- updates: only sealing — setting the chain fields of an unsealed entry, once, changing nothing else. Deletes and
-- truncation stay refused (audit_log_no_truncate, and the delete branch here).
create function audit_log_only_sealed() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if old.chain_seq is null and old.hash is null and new.chain_seq is not null and new.hash is not null
           and to_jsonb(new) - array['chain_seq', 'previous_hash', 'hash', 'hash_scheme', 'key_id']
               = to_jsonb(old) - array['chain_seq', 'previous_hash', 'hash', 'hash_scheme', 'key_id'] then
            return new;
        end if;
    end if;
    raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_only_sealed();

-- Sealing, for the application's role, which may only insert into and read audit_log (deploy/postgres/app-role.sql):
-- it runs as audit_log's owner, seals only unsealed entries, and only as the next places of the chain: the batch's
-- first previous hash must be the hash of the last sealed entry. Entries get the places after the last one, in the
-- order given. Fails (and the sealer's round rolls back) when an entry was sealed meanwhile or the chain moved on.
create function audit_log_seal(entries bigint[], previous_hashes bytea[], hashes bytea[], scheme text, key text)
    returns bigint language plpgsql security definer set search_path from current as $$
declare
    last_place bigint;
    last_hash  bytea;
    sealed     bigint;
begin
    select chain_seq, hash into last_place, last_hash from audit_log
    where chain_seq is not null order by chain_seq desc limit 1;
    if previous_hashes[1] is distinct from last_hash then
        raise exception 'audit_log_seal: the chain moved on (last sealed entry %)', last_place;
    end if;
    update audit_log a
    set chain_seq = coalesce(last_place, 0) + s.n, previous_hash = s.previous_hash, hash = s.hash,
        hash_scheme = scheme, key_id = key
    from unnest(entries, previous_hashes, hashes) with ordinality as s(seq, previous_hash, hash, n)
    where a.seq = s.seq and a.chain_seq is null;
    get diagnostics sealed = row_count;
    if sealed <> cardinality(entries) then
        raise exception 'audit_log_seal: % of % entries were no longer unsealed', cardinality(entries) - sealed,
            cardinality(entries);
    end if;
    return sealed;
end;
$$;
