-- scheduling: what it publishes for reporting (docs/adr/0021). The dashboard's utilization, cancellations and
-- supervision figures read appointments, prescribed hours, availability and time off only through these views.
-- No free text (cancel or override reasons, time-off reasons) is published.

-- appointment_facts keeps its columns in order (others read them) and gains the ones reports need at its end
create or replace view appointment_facts as
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
       cancelled_by,
       place,
       zone,
       cancelled_at,
       cancelled_by_role,
       cancelled_late,
       session_id
from appointments;

comment on view appointment_facts is
    'scheduling''s published read interface: who, what, where and when of each appointment and who cancelled it, no notes or reasons (ADR 0021)';

create view prescribed_hours_facts as
select child_id, service_code, hours as weekly_hours
from child_prescribed_hours;

comment on view prescribed_hours_facts is
    'scheduling''s published read interface: the weekly hours prescribed per child and service code (ADR 0021)';

create view therapist_availability_facts as
select therapist_id, weekday, start_time, end_time
from therapist_availability;

comment on view therapist_availability_facts is
    'scheduling''s published read interface: therapists'' weekly working hours in the clinic''s zone, weekday 1 = Monday (ADR 0021)';

create view therapist_time_off_facts as
select id as time_off_id, therapist_id, starts_at, ends_at
from therapist_time_off;

comment on view therapist_time_off_facts is
    'scheduling''s published read interface: therapists'' time off, without its reason (ADR 0021)';
