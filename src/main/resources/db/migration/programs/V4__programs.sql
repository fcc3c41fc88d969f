-- programs: treatment programs, their targets and the targets' phase changes (all carry child_id)

create table programs (
    id                           uuid primary key,
    child_id                     uuid        not null references children (id),
    name                         text        not null check (length(name) between 1 and 200),
    domain                       text        not null,
    objective                    text,
    kind                         text        not null check (kind in ('skill', 'behavior')),
    measurement                  text        not null check (measurement in ('percent_correct', 'task_analysis', 'frequency', 'rate', 'duration')),
    mastery_percent              integer check (mastery_percent between 1 and 100),
    mastery_consecutive_sessions integer check (mastery_consecutive_sessions between 1 and 50),
    mastery_min_trials           integer check (mastery_min_trials between 0 and 1000),
    status                       text        not null check (status in ('active', 'on_hold', 'archived')),
    created_at                   timestamptz not null,
    updated_at                   timestamptz not null,
    version                      integer     not null default 0
);

create index programs_child_idx on programs (child_id);

create table targets (
    id         uuid primary key,
    program_id uuid        not null references programs (id),
    child_id   uuid        not null references children (id),
    name       text        not null check (length(name) between 1 and 200),
    definition text,
    notes      text,
    phase      text        not null check (phase in ('baseline', 'intervention', 'mastered', 'maintenance', 'on_hold', 'discontinued')),
    position   integer     not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create index targets_program_idx on targets (program_id, position);
create index targets_child_idx on targets (child_id);

create table target_phase_changes (
    id         uuid primary key,
    target_id  uuid        not null references targets (id),
    child_id   uuid        not null,
    phase      text        not null,
    at         timestamptz not null,
    account_id uuid
);

create index target_phase_changes_target_idx on target_phase_changes (target_id, at);
