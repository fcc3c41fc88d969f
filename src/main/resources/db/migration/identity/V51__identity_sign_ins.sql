-- what a person sees of each of their sign-ins (refresh-token families): the coarse device
-- description and the coarse client address (IPv4 /24, IPv6 /48) it started from; never
-- the full User-Agent or address. Sign-ins from before this migration have no row.
create table sign_ins (
    id          uuid primary key,
    account_id  uuid        not null references accounts (id),
    device      text        not null,
    place       text,
    started_at  timestamptz not null
);

create index sign_ins_account_idx on sign_ins (account_id);
