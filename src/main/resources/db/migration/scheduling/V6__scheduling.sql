-- scheduling: appointments (single or in a weekly series), therapists' weekly availability and time off.
-- Exclusion constraints make double-booking of a therapist or a child impossible, even under concurrency.

create extension if not exists btree_gist;

create table appointment_series (
    id           uuid primary key,
    rrule        text        not null,
    zone         text        not null,
    local_start  timestamp   not null,
    duration_min integer     not null check (duration_min > 0 and duration_min < 1440),
    child_id     uuid        not null references children (id),
    therapist_id uuid        not null references accounts (id),
    service_code text        not null,
    place        text        not null,
    created_by   uuid        not null references accounts (id),
    created_at   timestamptz not null
);

create index appointment_series_child_idx on appointment_series (child_id);

create table appointments (
    id              uuid primary key,
    series_id       uuid references appointment_series (id),
    child_id        uuid        not null references children (id),
    therapist_id    uuid        not null references accounts (id),
    service_code    text        not null check (service_code in ('97151', '97152', '97153', '97154', '97155', '97156', '97157', '97158')),
    place           text        not null check (place in ('clinic', 'home', 'school', 'community', 'telehealth')),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    local_start     timestamp   not null,
    zone            text        not null,
    status          text        not null check (status in ('scheduled', 'checked_in', 'completed', 'cancelled', 'no_show')),
    cancelled_at    timestamptz,
    cancelled_by    uuid references accounts (id),
    cancelled_by_role text check (cancelled_by_role in ('admin', 'parent')),
    cancel_reason   text,
    cancelled_late  boolean,
    override_by     uuid references accounts (id),
    override_reason text,
    session_id      uuid references therapy_sessions (id),
    created_by      uuid        not null references accounts (id),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         integer     not null default 0,
    constraint appointments_end_after_start check (ends_at > starts_at and ends_at < starts_at + interval '24 hours'),
    constraint appointments_cancellation check ((status = 'cancelled') = (cancelled_at is not null)),
    constraint appointments_therapist_no_overlap exclude using gist (
        therapist_id with =, tstzrange(starts_at, ends_at) with &&) where (status not in ('cancelled', 'no_show')),
    constraint appointments_child_no_overlap exclude using gist (
        child_id with =, tstzrange(starts_at, ends_at) with &&) where (status not in ('cancelled', 'no_show'))
);

create index appointments_child_idx on appointments (child_id, starts_at);
create index appointments_therapist_idx on appointments (therapist_id, starts_at);
create index appointments_series_idx on appointments (series_id, starts_at) where series_id is not null;

-- weekly working hours in the clinic's time zone; weekday 1 = Monday … 7 = Sunday (ISO 8601)
create table therapist_availability (
    therapist_id uuid    not null references accounts (id),
    weekday      integer not null check (weekday between 1 and 7),
    start_time   time    not null,
    end_time     time    not null,
    constraint therapist_availability_end_after_start check (end_time > start_time),
    constraint therapist_availability_no_overlap exclude using gist (
        therapist_id with =, weekday with =,
        tsrange(date '2000-01-01' + start_time, date '2000-01-01' + end_time) with &&)
);

create table therapist_time_off (
    id           uuid primary key,
    therapist_id uuid        not null references accounts (id),
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    reason       text,
    created_by   uuid        not null references accounts (id),
    created_at   timestamptz not null,
    constraint therapist_time_off_end_after_start check (ends_at > starts_at)
);

create index therapist_time_off_idx on therapist_time_off (therapist_id, starts_at);
