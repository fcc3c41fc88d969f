-- sessions: therapy sessions, their data events (idempotent by client id), addenda; automatic phase changes

alter table programs add column auto_advance boolean not null default true;

alter table target_phase_changes
    add column automatic boolean not null default false,
    add column basis     jsonb;

create table therapy_sessions (
    id                  uuid primary key,
    child_id            uuid        not null references children (id),
    therapist_id        uuid        not null references accounts (id),
    service_code        text        not null check (service_code in ('97151', '97152', '97153', '97154', '97155', '97156', '97157', '97158')),
    place               text        not null check (place in ('clinic', 'home', 'school', 'community', 'telehealth')),
    started_at          timestamptz not null,
    ended_at            timestamptz,
    note                text,
    status              text        not null check (status in ('open', 'submitted')),
    submitted_at        timestamptz,
    guardian_account_id uuid references accounts (id),
    guardian_name       text,
    guardian_signed_at  timestamptz,
    guardian_signature  text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             integer     not null default 0,
    constraint therapy_sessions_end_after_start check (ended_at is null or ended_at >= started_at)
);

create index therapy_sessions_child_idx on therapy_sessions (child_id, started_at desc);
create index therapy_sessions_therapist_idx on therapy_sessions (therapist_id, started_at desc);

create table session_events (
    id           uuid primary key,
    session_id   uuid        not null references therapy_sessions (id),
    child_id     uuid        not null,
    type         text        not null check (type in ('trial', 'task_step', 'frequency', 'duration', 'abc', 'undo')),
    target_id    uuid,
    outcome      text check (outcome in ('correct', 'incorrect', 'no_response')),
    prompt_level text check (prompt_level in ('independent', 'gestural', 'verbal', 'model', 'partial_physical', 'full_physical')),
    step         integer check (step >= 1),
    count        integer check (count >= 1),
    seconds      integer check (seconds >= 1),
    antecedent   text,
    behavior     text,
    consequence  text,
    undoes       uuid,
    at           timestamptz not null,
    received_at  timestamptz not null
);

create index session_events_session_idx on session_events (session_id, at);
create index session_events_child_target_idx on session_events (child_id, target_id) where target_id is not null;

create table session_addenda (
    id         uuid primary key,
    session_id uuid        not null references therapy_sessions (id),
    child_id   uuid        not null,
    reason     text        not null,
    text       text        not null,
    at         timestamptz not null,
    account_id uuid        not null references accounts (id)
);

create index session_addenda_session_idx on session_addenda (session_id, at);
