-- sessions: the per-target summaries for reports (docs/adr/0036, speed) ask of each data entry whether an undo in its
-- session takes it back; this makes that a lookup of the few undo rows instead of a scan of the session's entries.

create index session_events_undoes_idx on session_events (undoes) where undoes is not null;
