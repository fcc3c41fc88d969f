-- audit: the PHI access log (append-only, hash-chained) and the change history of children's records

create table audit_log (
    seq           bigint generated always as identity primary key,
    id            uuid        not null unique,
    at            timestamptz not null,
    account_id    uuid,
    role          text,
    action        text        not null,
    resource_type text        not null,
    resource_id   uuid,
    child_id      uuid,
    endpoint      text,
    address       text,
    outcome       text        not null check (outcome in ('success', 'denied', 'not_found')),
    previous_hash bytea,
    hash          bytea       not null
);

create index audit_log_child_idx on audit_log (child_id, seq desc) where child_id is not null;
create index audit_log_account_idx on audit_log (account_id, seq desc);
create index audit_log_at_idx on audit_log (at);

-- append-only: no UPDATE, DELETE or TRUNCATE through any client (tampering past this is caught by the hash chain)
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

create table change_history (
    id         uuid primary key,
    child_id   uuid        not null,
    at         timestamptz not null,
    account_id uuid,
    entity     text        not null,
    entity_id  uuid        not null,
    action     text        not null,
    changes    jsonb       not null default '[]'
);

create index change_history_child_idx on change_history (child_id, at desc);
