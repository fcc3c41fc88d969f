-- the second factor (ADR 0038): one TOTP secret per account, encrypted with a key kept outside the database
-- (SPARK_DATA_DIR/keys/second-factor.key or SPARK_IDENTITY_SECOND_FACTOR_KEY; key_id names it). enabled_at is
-- null while an enrollment waits for its first code. last_step is the highest RFC 6238 time step accepted, so a
-- code is never accepted twice.
create table second_factors (
    account_id  uuid primary key references accounts (id),
    key_id      text        not null,
    secret      bytea       not null,
    created_at  timestamptz not null,
    enabled_at  timestamptz,
    last_step   bigint
);

-- one-time recovery codes: only a keyed hash (HMAC-SHA256 with the second-factor key) is stored
create table recovery_codes (
    id          uuid primary key,
    account_id  uuid        not null references accounts (id),
    code_hash   bytea       not null,
    created_at  timestamptz not null,
    used_at     timestamptz
);

create index recovery_codes_account_idx on recovery_codes (account_id) where used_at is null;

-- what a correct password buys a person who needs a second factor: a short-lived single-use challenge, either to
-- give a code (verify) or to enroll first (enroll). Only the token's SHA-256 is stored.
create table second_factor_challenges (
    token_hash  bytea primary key,
    account_id  uuid        not null references accounts (id),
    purpose     text        not null check (purpose in ('verify', 'enroll')),
    expires_at  timestamptz not null,
    failures    int         not null default 0
);

create index second_factor_challenges_account_idx on second_factor_challenges (account_id);

-- the clinic's security settings: one row once an admin has saved them; until then the configured default
-- (spark.identity.second-factor.required-roles) holds
create table security_settings (
    id                          boolean primary key default true check (id),
    second_factor_required_for  text[]      not null,
    updated_at                  timestamptz not null,
    updated_by                  uuid references accounts (id)
);
