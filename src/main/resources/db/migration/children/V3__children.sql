-- children: the child's record, guardians and care team

create table children (
    id                 uuid primary key,
    first_name         text        not null check (length(first_name) between 1 and 100),
    last_name          text        not null check (length(last_name) between 1 and 100),
    preferred_name     text,
    date_of_birth      date        not null,
    diagnosis_codes    text[]      not null default '{}',
    status             text        not null check (status in ('intake', 'active', 'on_hold', 'discharged', 'archived')),
    intake_date        date,
    school             text,
    medical_notes      text,
    allergies          text,
    emergency_contacts jsonb       not null default '[]',
    insurance          jsonb,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            integer     not null default 0
);

create index children_status_idx on children (status);
create index children_name_idx on children (lower(last_name), lower(first_name));

create table guardians (
    child_id     uuid        not null references children (id),
    account_id   uuid        not null references accounts (id),
    relationship text        not null,
    can_sign     boolean     not null,
    added_at     timestamptz not null,
    primary key (child_id, account_id)
);

create index guardians_account_idx on guardians (account_id);

create table care_team_members (
    child_id   uuid        not null references children (id),
    account_id uuid        not null references accounts (id),
    role       text        not null check (role in ('supervisor', 'technician')),
    added_at   timestamptz not null,
    primary key (child_id, account_id)
);

create index care_team_members_account_idx on care_team_members (account_id);
