-- identity: accounts, refresh tokens (hashed), login throttling

create table accounts (
    id            uuid primary key,
    name          text        not null check (length(name) between 1 and 200),
    email         text        not null check (email = lower(email)),
    password_hash text        not null,
    role          text        not null check (role in ('admin', 'therapist', 'parent')),
    credential    text        check (credential in ('BCBA', 'BCaBA', 'RBT', 'other')),
    active        boolean     not null default true,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       integer     not null default 0,
    constraint accounts_credential_only_for_therapists check ((role = 'therapist') = (credential is not null))
);

create unique index accounts_email_key on accounts (email);
create index accounts_role_idx on accounts (role) where active;

-- one row per issued refresh token; a login starts a family, each refresh rotates within it
create table refresh_tokens (
    id          uuid primary key,
    account_id  uuid        not null references accounts (id),
    family_id   uuid        not null,
    token_hash  bytea       not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);

create unique index refresh_tokens_hash_key on refresh_tokens (token_hash);
create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_live_by_account_idx on refresh_tokens (account_id) where revoked_at is null and used_at is null;

-- failed sign-ins per account ('account:<email>') and per client address ('address:<ip>')
create table login_failures (
    key               text primary key,
    failures          integer     not null,
    window_started_at timestamptz not null,
    locked_until      timestamptz
);
