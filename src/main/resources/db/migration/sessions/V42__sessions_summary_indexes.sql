-- sessions: indexes for the per-target summaries it publishes for reports (docs/adr/0036, speed). Each watched target's
-- submitted sessions are walked newest first and stop at the few they need (the id breaks ties in the same order as
-- the query, so no sort reads them all); each session's entries for one target are found directly; and "is this entry
-- undone in its session?" is a lookup among the few undo rows. Measured on the benchmark's year of a 100-child clinic:
-- the stalled rule's read of 300 targets went from 1.5 s to 0.09 s.

create index therapy_sessions_submitted_idx on therapy_sessions (child_id, started_at desc, id desc)
    where status = 'submitted';

create index session_events_session_target_idx on session_events (session_id, target_id) where target_id is not null;

create index session_events_undoes_idx on session_events (undoes) where undoes is not null;
