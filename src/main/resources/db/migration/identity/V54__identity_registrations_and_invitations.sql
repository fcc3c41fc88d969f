-- identity: self-registrations waiting for their e-mail to be verified, and admins' invitations (ADR 0039).
-- No account exists before its link is used; only the token's SHA-256 hash is kept.

-- one row per registration request for an address that had no account: the account is opened from this row's own
-- name and password hash when this row's token is used, so a stranger's earlier request for the same address never
-- becomes the account
create table pending_registrations (
    id            uuid primary key,
    email         text        not null check (email = lower(email)),
    name          text        not null check (length(name) between 1 and 200),
    password_hash text        not null,
    token_hash    bytea       not null unique,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    used_at       timestamptz
);

create index pending_registrations_email_idx on pending_registrations (email) where used_at is null;
create index pending_registrations_expires_idx on pending_registrations (expires_at);

create table invitations (
    id          uuid primary key,
    email       text        not null check (email = lower(email)),
    name        text        not null check (length(name) between 1 and 200),
    role        text        not null check (role in ('admin', 'therapist', 'parent')),
    credential  text        check (credential in ('BCBA', 'BCaBA', 'RBT', 'other')),
    invited_by  uuid        not null references accounts (id),
    token_hash  bytea       not null unique,
    created_at  timestamptz not null,
    sent_at     timestamptz not null,
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    revoked_at  timestamptz,
    account_id  uuid references accounts (id),
    constraint invitations_credential_only_for_therapists check ((role = 'therapist') = (credential is not null))
);

create index invitations_open_idx on invitations (created_at desc) where accepted_at is null and revoked_at is null;
create index invitations_email_idx on invitations (email) where accepted_at is null and revoked_at is null;
