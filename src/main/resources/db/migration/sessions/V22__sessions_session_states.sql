-- sessions: its published read interface in SQL (docs/adr/0021). Scheduling shows the state of the session an
-- appointment opened through this view, never the therapy_sessions table.

create view session_states as
select id as session_id, appointment_id, child_id, status
from therapy_sessions;

comment on view session_states is
    'sessions'' published read interface: the state (open, submitted) of each session (ADR 0021)';
