-- The published views the reports read, each timed on its own over the generated year (psql \timing): the shapes
-- of query the reports run on them (a year, grouped per child or therapist).
\timing on
\pset pager off
select count(*), sum(extract(epoch from (ends_at - starts_at))) / 3600 as hours
from appointment_facts where starts_at >= now() - interval '365 days';
select child_id, status, count(*) from appointment_facts
where starts_at >= now() - interval '365 days' group by child_id, status order by 1, 2 limit 1;
select therapist_id, count(*) from appointment_facts
where status = 'cancelled' and starts_at >= now() - interval '365 days' group by therapist_id order by 2 desc limit 1;
select therapist_id, count(*) filter (where submitted_at > ended_at + interval '24 hours') as late, count(*)
from session_facts where started_at >= now() - interval '365 days' group by therapist_id order by 2 desc limit 1;
select count(*) from session_facts where status = 'submitted' and guardian_signed_at is null;
select count(*) from session_states;
select * from prescribed_hours_facts limit 1;
select count(*) from therapist_availability_facts;
select count(*) from therapist_time_off_facts;
select count(*) from authorization_facts;
select v.child_id, n.display_name from child_visibility v join child_names n using (child_id)
where v.relation = 'supervisor' and v.account_id = md5('therapist0')::uuid order by 2;
select count(*) from account_names;
