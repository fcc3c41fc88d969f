-- scheduling: therapists propose changes of their appointments, admins approve (the move goes through the ordinary
-- move rules) or decline; admins adjust a draft schedule proposal placement by placement before accepting it.

create table appointment_change_requests (
    id                  uuid primary key,
    appointment_id      uuid        not null references appointments (id),
    -- the appointment's version when proposed: a request on an appointment changed since is stale
    appointment_version integer     not null,
    child_id            uuid        not null references children (id),
    scope               text        not null check (scope in ('this', 'following', 'all')),
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    -- another therapist of the child's care team; null keeps the appointment's
    therapist_id        uuid references accounts (id),
    note                text,
    status              text        not null check (status in ('pending', 'approved', 'declined', 'withdrawn')),
    requested_by        uuid        not null references accounts (id),
    requested_at        timestamptz not null,
    decided_by          uuid references accounts (id),
    decided_at          timestamptz,
    decision_reason     text,
    version             integer     not null default 0,
    constraint appointment_change_requests_end_after_start check (ends_at > starts_at),
    constraint appointment_change_requests_decided check ((status = 'pending') = (decided_at is null))
);

-- one open request per appointment
create unique index appointment_change_requests_one_pending on appointment_change_requests (appointment_id)
    where status = 'pending';
create index appointment_change_requests_status_idx on appointment_change_requests (status, requested_at);
create index appointment_change_requests_requester_idx on appointment_change_requests (requested_by, requested_at);
create index appointment_change_requests_child_idx on appointment_change_requests (child_id);

-- draft proposals are adjusted placement by placement: each placement gets an id, the proposal a version
alter table schedule_proposals add column version integer not null default 0;
alter table schedule_proposal_sessions add column id uuid not null default gen_random_uuid();
alter table schedule_proposal_sessions add constraint schedule_proposal_sessions_id_key unique (id);
