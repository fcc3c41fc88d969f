-- scheduling: children's schedule preferences (available hours, prescribed weekly hours by service, preferred place)
-- and automatic weekly schedule proposals (draft, then accepted: booked as appointments, all or nothing).

create table child_schedule_preferences (
    child_id        uuid primary key references children (id),
    preferred_place text check (preferred_place in ('clinic', 'home', 'school', 'community', 'telehealth')),
    updated_by      uuid        not null references accounts (id),
    updated_at      timestamptz not null,
    version         integer     not null default 0
);

-- weekly hours in the clinic's time zone; weekday 1 = Monday … 7 = Sunday (ISO 8601)
create table child_available_hours (
    child_id   uuid    not null references child_schedule_preferences (child_id),
    weekday    integer not null check (weekday between 1 and 7),
    start_time time    not null,
    end_time   time    not null,
    constraint child_available_hours_end_after_start check (end_time > start_time),
    constraint child_available_hours_no_overlap exclude using gist (
        child_id with =, weekday with =,
        tsrange(date '2000-01-01' + start_time, date '2000-01-01' + end_time) with &&)
);

create table child_prescribed_hours (
    child_id     uuid    not null references child_schedule_preferences (child_id),
    service_code text    not null check (service_code in ('97151', '97152', '97153', '97154', '97155', '97156', '97157', '97158')),
    hours        integer not null check (hours between 0 and 40),
    primary key (child_id, service_code)
);

create table schedule_proposals (
    id          uuid primary key,
    week_start  date        not null,
    score       text        not null,
    status      text        not null check (status in ('draft', 'accepted')),
    created_by  uuid        not null references accounts (id),
    created_at  timestamptz not null,
    accepted_by uuid references accounts (id),
    accepted_at timestamptz,
    constraint schedule_proposals_acceptance check ((status = 'accepted') = (accepted_at is not null))
);

create table schedule_proposal_sessions (
    proposal_id    uuid        not null references schedule_proposals (id),
    position       integer     not null,
    child_id       uuid        not null references children (id),
    therapist_id   uuid        not null references accounts (id),
    service_code   text        not null,
    place          text        not null,
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    appointment_id uuid references appointments (id),
    primary key (proposal_id, position)
);

create table schedule_proposal_unplaced (
    proposal_id  uuid    not null references schedule_proposals (id),
    position     integer not null,
    child_id     uuid    not null references children (id),
    service_code text    not null,
    hours        integer not null,
    reason       text    not null,
    primary key (proposal_id, position)
);
