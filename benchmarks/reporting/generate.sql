-- A year of a 100-child clinic for the reporting benchmark (benchmarks/reporting/README.md), inserted straight into
-- a scratch database the application has migrated. 20 therapists (5 BCBAs, 15 RBTs); every child has a supervisor and
-- a technician, three skill programs of three targets (one in intervention, one in maintenance, one in baseline) and a
-- two-hour session every weekday of the last 52 weeks: 5 % cancelled, 2 % no-shows, the rest completed with a
-- submitted session of 10 trials per program on the target in intervention and, every tenth session, a 5-trial
-- probe of the target in maintenance.
\set ON_ERROR_STOP on
begin;

create temporary table bench_clock as select date_trunc('day', now()) as today;

insert into accounts (id, name, email, password_hash, role, credential, active, created_at, updated_at)
select md5('therapist' || i)::uuid, 'Therapist ' || i, 'therapist' || i || '@bench.sparktherapy.org', '{noop}unused',
       'therapist', case when i < 5 then 'BCBA' else 'RBT' end, true, now() - interval '2 years', now()
from generate_series(0, 19) i;

insert into children (id, first_name, last_name, date_of_birth, status, created_at, updated_at)
select md5('child' || i)::uuid, 'Child', 'Bench' || lpad(i::text, 3, '0'), date '2019-01-01' + i, 'active',
       now() - interval '2 years', now()
from generate_series(0, 99) i;

insert into care_team_members (child_id, account_id, role, added_at)
select md5('child' || i)::uuid, md5('therapist' || (i % 5))::uuid, 'supervisor', now() - interval '2 years'
from generate_series(0, 99) i
union all
select md5('child' || i)::uuid, md5('therapist' || (5 + i % 15))::uuid, 'technician', now() - interval '2 years'
from generate_series(0, 99) i;

insert into programs (id, child_id, name, domain, kind, measurement, mastery_percent, mastery_consecutive_sessions,
                      mastery_min_trials, status, created_at, updated_at)
select md5('program' || i || '-' || p)::uuid, md5('child' || i)::uuid, 'Program ' || p, 'communication', 'skill',
       'percent_correct', 80, 3, 5, 'active', now() - interval '400 days', now()
from generate_series(0, 99) i, generate_series(0, 2) p;

-- target t of program p of child i: 0 intervention, 1 maintenance, 2 baseline
insert into targets (id, program_id, child_id, name, phase, position, created_at, updated_at)
select md5('target' || i || '-' || p || '-' || t)::uuid, md5('program' || i || '-' || p)::uuid,
       md5('child' || i)::uuid, 'Target ' || t, (array['intervention', 'maintenance', 'baseline'])[t + 1], t,
       now() - interval '400 days', now()
from generate_series(0, 99) i, generate_series(0, 2) p, generate_series(0, 2) t;

insert into target_phase_changes (id, target_id, child_id, phase, at, account_id)
select gen_random_uuid(), md5('target' || i || '-' || p || '-' || t)::uuid, md5('child' || i)::uuid, c.phase,
       now() - c.ago, md5('therapist' || (i % 5))::uuid
from generate_series(0, 99) i, generate_series(0, 2) p,
     (values (0, 'intervention', interval '200 days'), (1, 'intervention', interval '330 days'),
             (1, 'mastered', interval '250 days'), (1, 'maintenance', interval '240 days')) c(t, phase, ago);

-- child i: weekdays of the last 52 weeks, two hours from 07:00 + 2 * (i / 15) UTC, with technician 5 + i % 15
create temporary table bench_days as
select i, d::date as day, md5('appointment' || i || '-' || d::date)::uuid as appointment_id,
       md5('session' || i || '-' || d::date)::uuid as session_id,
       (d::date + time '07:00' + make_interval(hours => 2 * (i / 15))) at time zone 'UTC' as starts_at,
       abs(hashtext(i || '-' || d::date)) % 100 as dice,
       row_number() over (partition by i order by d) as n
from generate_series(0, 99) i,
     generate_series((select today from bench_clock) - interval '364 days', (select today from bench_clock) - interval '1 day',
                     interval '1 day') d
where extract(isodow from d) < 6;

insert into therapy_sessions (id, child_id, therapist_id, service_code, place, started_at, ended_at, note, status,
                              submitted_at, created_at, updated_at, appointment_id)
select session_id, md5('child' || i)::uuid, md5('therapist' || (5 + i % 15))::uuid, '97153', 'clinic', starts_at,
       starts_at + interval '2 hours', 'Worked on all programs.', 'submitted',
       starts_at + interval '2 hours' + (dice % 30) * interval '1 hour', starts_at, starts_at + interval '3 hours',
       appointment_id
from bench_days where dice >= 7;

insert into appointments (id, child_id, therapist_id, service_code, place, starts_at, ends_at, local_start, zone,
                          status, cancelled_at, cancelled_by, cancelled_by_role, cancel_reason, cancelled_late,
                          session_id, created_by, created_at, updated_at, actual_start, actual_end)
select appointment_id, md5('child' || i)::uuid, md5('therapist' || (5 + i % 15))::uuid, '97153', 'clinic', starts_at,
       starts_at + interval '2 hours', starts_at at time zone 'UTC', 'UTC',
       case when dice < 5 then 'cancelled' when dice < 7 then 'no_show' else 'completed' end,
       case when dice < 5 then starts_at - interval '1 day' * (dice % 3) end,
       case when dice < 5 then (select id from accounts where role = 'admin' limit 1) end,
       case when dice < 5 then 'admin' end, case when dice < 5 then 'Sick' end, case when dice < 5 then dice % 3 = 0 end,
       case when dice >= 7 then session_id end, (select id from accounts where role = 'admin' limit 1),
       starts_at - interval '30 days', starts_at,
       case when dice >= 7 then starts_at end, case when dice >= 7 then starts_at + interval '2 hours' end
from bench_days;

insert into session_events (id, session_id, child_id, type, target_id, outcome, prompt_level, at, received_at)
select gen_random_uuid(), session_id, md5('child' || i)::uuid, 'trial', md5('target' || i || '-' || p || '-0')::uuid,
       case when (k + n) % 10 < 5 + (n % 3) then 'correct' else 'incorrect' end, 'independent',
       starts_at + (p * 10 + k) * interval '1 minute', starts_at + interval '2 hours'
from bench_days, generate_series(0, 2) p, generate_series(0, 9) k
where dice >= 7
union all
select gen_random_uuid(), session_id, md5('child' || i)::uuid, 'trial', md5('target' || i || '-' || p || '-1')::uuid,
       'correct', 'independent', starts_at + (40 + p * 5 + k) * interval '1 minute', starts_at + interval '2 hours'
from bench_days, generate_series(0, 2) p, generate_series(0, 4) k
where dice >= 7 and n % 10 = 0;

-- per-session, per-target results of the submitted sessions, as the app writes them at submission (the function
-- session_target_results_of of V65, docs/adr/0049): progress reads these, not the events
insert into session_target_results (session_id, target_id, child_id, started_at, ended_at, trials, percent_correct,
                                    percent_independent, count, duration_seconds)
select * from session_target_results_of(null);

commit;
analyze;

select (select count(*) from children) as children, (select count(*) from appointments) as appointments,
       (select count(*) from therapy_sessions) as sessions, (select count(*) from session_events) as events;
