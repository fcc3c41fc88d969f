-- billing: insurance authorizations — units (15 minutes each) of one service code a payer authorizes for one child
-- over a date range. How much is used and planned is read from the appointments of that child and service code, so
-- it can never drift from the schedule.

create table authorizations (
    id                   uuid primary key,
    child_id             uuid        not null references children (id),
    payer                text        not null check (length(payer) between 1 and 200),
    member_id            text        check (length(member_id) <= 100),
    authorization_number text        not null check (length(authorization_number) between 1 and 100),
    service_code         text        not null check (service_code in ('97151', '97152', '97153', '97154', '97155', '97156', '97157', '97158')),
    units_authorized     integer     not null check (units_authorized between 1 and 100000),
    starts_on            date        not null,
    ends_on              date        not null,
    notes                text        check (length(notes) <= 2000),
    -- the last state the admins were told of (running_out, over) or null: they hear of each escalation once
    alerted              text        check (alerted in ('running_out', 'over')),
    created_by           uuid        not null references accounts (id),
    created_at           timestamptz not null,
    updated_by           uuid        not null references accounts (id),
    updated_at           timestamptz not null,
    version              integer     not null default 0,
    check (ends_on >= starts_on),
    -- one authorization per child, service code and day: the units of a session count against exactly one
    constraint authorizations_no_overlap exclude using gist (
        child_id with =, service_code with =, daterange(starts_on, ends_on, '[]') with &&)
);

create index authorizations_ends_on_idx on authorizations (ends_on);

-- usage reads completed and planned appointments of a child and service code by their local date
create index appointments_child_service_local_idx on appointments (child_id, service_code, local_start);
