-- scheduling: its published read interface in SQL (docs/adr/0021). Notifications (reminders, who booked or cancelled)
-- and billing (units used and planned against an authorization) read appointments only through this view.

create view appointment_facts as
select id as appointment_id,
       series_id,
       child_id,
       therapist_id,
       service_code,
       status,
       starts_at,
       ends_at,
       local_start,
       actual_start,
       actual_end,
       created_by,
       created_at,
       cancelled_by
from appointments;

comment on view appointment_facts is
    'scheduling''s published read interface: who, what and when of each appointment, no notes or reasons (ADR 0021)';
