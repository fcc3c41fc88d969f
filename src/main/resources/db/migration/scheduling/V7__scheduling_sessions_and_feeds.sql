-- scheduling: a completed appointment opens its session (linked both ways); private calendar feeds;
-- moving several occurrences of a series at once.

-- the session opened by completing an appointment; the sessions module keeps only the id (no foreign key into the
-- scheduling module's table), appointments.session_id (V6) points back with one
alter table therapy_sessions add column appointment_id uuid;

create unique index therapy_sessions_appointment_idx on therapy_sessions (appointment_id)
    where appointment_id is not null;

-- one active feed token per account: only its SHA-256 is stored; the nonce alone does not give the token (it is
-- derived with the server's key, see CalendarFeedService)
create table calendar_feed_tokens (
    account_id uuid primary key references accounts (id),
    nonce      text        not null,
    token_hash text        not null unique,
    created_at timestamptz not null
);

-- deferrable, still checked at once by default: moving a series checks them after all its occurrences moved, so
-- occurrences may pass through each other's old times
alter table appointments
    drop constraint appointments_therapist_no_overlap,
    drop constraint appointments_child_no_overlap,
    add constraint appointments_therapist_no_overlap exclude using gist (
        therapist_id with =, tstzrange(starts_at, ends_at) with &&) where (status not in ('cancelled', 'no_show'))
        deferrable initially immediate,
    add constraint appointments_child_no_overlap exclude using gist (
        child_id with =, tstzrange(starts_at, ends_at) with &&) where (status not in ('cancelled', 'no_show'))
        deferrable initially immediate;
