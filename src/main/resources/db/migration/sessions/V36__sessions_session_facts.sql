-- sessions: what it publishes for reporting (docs/adr/0021). The dashboard's documentation figures and the
-- caseload read therapy sessions only through this view: who recorded which session when, when it was submitted
-- and whether a guardian co-signed it. No note text, no signature text, no data events.

create view session_facts as
select id as session_id,
       appointment_id,
       child_id,
       therapist_id,
       service_code,
       place,
       started_at,
       ended_at,
       status,
       submitted_at,
       guardian_signed_at
from therapy_sessions;

comment on view session_facts is
    'sessions'' published read interface: each session''s who, when, submission and guardian co-signature, no notes (ADR 0021)';
