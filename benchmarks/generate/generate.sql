-- A clinic group's history inserted straight into a database a SPARKTherapy node has migrated (benchmarks/README.md,
-- ADR 0047): set-based inserts from generate_series, no API. Run through generate.sh, which sets the sizes:
--   children, therapists, days (of history), per_week (sessions per child per week, 1-5), trials (per session),
--   messages (per child), audit (rows per submitted session), password_hash (every generated account's).
-- Ids are md5 of a name ('bench-child-7', …) so a workload can name them without asking the database.
--
-- What it makes: therapists (a fifth BCBAs who supervise, the rest RBTs who run sessions); children, each with one
-- parent account as guardian (may sign), a supervisor and a technician on the care team, three skill programs of three
-- targets (intervention, maintenance, baseline) with their phase changes; appointments on per_week weekdays of the
-- last `days` days (5 % cancelled, 2 % no-show, the rest completed with a submitted session of `trials` trials over
-- the three targets in intervention and, every tenth session, a 5-trial probe of each target in maintenance) and the
-- next two weeks (scheduled); one open session per child today, for ingestion; a child conversation per child (the
-- guardian and the care team) with `messages` messages and everyone's read position at the end; `audit` audit rows
-- per submitted session.
--
-- Consistency with the app's reads: sessions are submitted with submitted_at, ended_at and their appointment's
-- session_id; completed appointments carry actual times; session_states/session_facts are views; progress and tallies
-- are read from session_target_results (V64, filled at the end as the migration's backfill does); conversations.
-- last_message_at is the newest message's. The generated audit rows go in unsealed, as the app appends them (V63,
-- ADR 0005): the node's sealer chains them under its key when it runs, so a generated clinic's trail verifies.
\set ON_ERROR_STOP on
set synchronous_commit = off;
begin;

create temporary table bench_clock as select date_trunc('day', now()) as today,
       greatest(1, :therapists / 5) as bcbas, :therapists - greatest(1, :therapists / 5) as rbts;

insert into accounts (id, name, email, password_hash, role, credential, active, created_at, updated_at)
select md5('bench-therapist-' || i)::uuid, 'Therapist ' || i, 'therapist' || i || '@bench.sparktherapy.org',
       :'password_hash', 'therapist', case when i < c.bcbas then 'BCBA' else 'RBT' end, true,
       now() - make_interval(days => :days + 60), now()
from generate_series(0, :therapists - 1) i, bench_clock c;

insert into accounts (id, name, email, password_hash, role, credential, active, created_at, updated_at)
select md5('bench-parent-' || i)::uuid, 'Parent ' || i, 'parent' || i || '@bench.sparktherapy.org',
       :'password_hash', 'parent', null, true, now() - make_interval(days => :days + 60), now()
from generate_series(0, :children - 1) i;

insert into children (id, first_name, last_name, date_of_birth, status, intake_date, diagnosis_codes, created_at,
                      updated_at)
select md5('bench-child-' || i)::uuid, 'Child', 'Bench' || lpad(i::text, 5, '0'), date '2018-01-01' + (i % 1500),
       'active', (now() - make_interval(days => :days + 60))::date, '{F84.0}', now() - make_interval(days => :days + 60),
       now()
from generate_series(0, :children - 1) i;

insert into guardians (child_id, account_id, relationship, can_sign, added_at)
select md5('bench-child-' || i)::uuid, md5('bench-parent-' || i)::uuid, 'parent', true,
       now() - make_interval(days => :days + 60)
from generate_series(0, :children - 1) i;

-- child i: supervisor i % bcbas, technician bcbas + i % rbts, the nth child of that technician's caseload
create temporary table bench_children as
select i, md5('bench-child-' || i)::uuid as child_id, md5('bench-parent-' || i)::uuid as parent_id,
       md5('bench-therapist-' || (i % c.bcbas))::uuid as supervisor_id,
       md5('bench-therapist-' || (c.bcbas + i % c.rbts))::uuid as technician_id,
       i / c.rbts as nth
from generate_series(0, :children - 1) i, bench_clock c;

insert into care_team_members (child_id, account_id, role, added_at)
select child_id, supervisor_id, 'supervisor', now() - make_interval(days => :days + 60) from bench_children
union all
select child_id, technician_id, 'technician', now() - make_interval(days => :days + 60) from bench_children;

insert into programs (id, child_id, name, domain, kind, measurement, mastery_percent, mastery_consecutive_sessions,
                      mastery_min_trials, status, created_at, updated_at)
select md5('bench-program-' || i || '-' || p)::uuid, child_id, 'Program ' || p,
       (array['communication', 'social', 'daily_living'])[p + 1], 'skill', 'percent_correct', 80, 3, 5, 'active',
       now() - make_interval(days => :days + 30), now()
from bench_children, generate_series(0, 2) p;

-- target t of program p of child i: 0 intervention, 1 maintenance, 2 baseline
insert into targets (id, program_id, child_id, name, phase, position, created_at, updated_at)
select md5('bench-target-' || i || '-' || p || '-' || t)::uuid, md5('bench-program-' || i || '-' || p)::uuid,
       child_id, 'Target ' || p || '.' || t, (array['intervention', 'maintenance', 'baseline'])[t + 1], t,
       now() - make_interval(days => :days + 30), now()
from bench_children, generate_series(0, 2) p, generate_series(0, 2) t;

insert into target_phase_changes (id, target_id, child_id, phase, at, account_id)
select md5('bench-phase-' || i || '-' || p || '-' || c.t || '-' || c.k)::uuid,
       md5('bench-target-' || i || '-' || p || '-' || c.t)::uuid, child_id, c.phase,
       now() - make_interval(days => :days + 30) + c.after * make_interval(days => :days), supervisor_id
from bench_children, generate_series(0, 2) p,
     (values (0, 0, 'intervention', 0.0), (1, 0, 'intervention', 0.0), (1, 1, 'mastered', 0.3),
             (1, 2, 'maintenance', 0.32)) c(t, k, phase, after);

-- the days of each child: per_week weekdays of the history, and the next 14 days. A technician's week has two-hour
-- slots from 07:00 UTC (j = 0, 1, …: weekday j % 5, slot j / 5); the nth child of a caseload takes j = nth * per_week
-- … nth * per_week + per_week - 1, so no two of a technician's appointments overlap (appointments_therapist_no_overlap)
create temporary table bench_days as
select i, child_id, technician_id, d::date as day,
       md5('bench-appointment-' || i || '-' || d::date)::uuid as appointment_id,
       md5('bench-session-' || i || '-' || d::date)::uuid as session_id,
       (d::date + time '07:00' + make_interval(hours => 2 * ((nth * :per_week + q) / 5))) at time zone 'UTC' as starts_at,
       abs(hashtext(i || '-' || d::date)) % 100 as dice,
       d::date < (select today from bench_clock)::date as past,
       row_number() over (partition by i order by d) as n
from bench_children, generate_series(0, :per_week - 1) q,
     generate_series((select today from bench_clock) - make_interval(days => :days),
                     (select today from bench_clock) + interval '13 days', interval '1 day') d
where extract(isodow from d) = (nth * :per_week + q) % 5 + 1;

insert into therapy_sessions (id, child_id, therapist_id, service_code, place, started_at, ended_at, note, status,
                              submitted_at, created_at, updated_at, appointment_id)
select session_id, child_id, technician_id, '97153', 'clinic', starts_at, starts_at + interval '2 hours',
       'Worked on all programs.', 'submitted', starts_at + interval '2 hours' + (dice % 30) * interval '1 minute',
       starts_at, starts_at + interval '3 hours', appointment_id
from bench_days where past and dice >= 7;

insert into appointments (id, child_id, therapist_id, service_code, place, starts_at, ends_at, local_start, zone,
                          status, cancelled_at, cancelled_by, cancelled_by_role, cancel_reason, cancelled_late,
                          session_id, created_by, created_at, updated_at, actual_start, actual_end)
select appointment_id, child_id, technician_id, '97153', 'clinic', starts_at, starts_at + interval '2 hours',
       starts_at at time zone 'UTC', 'UTC',
       case when not past then 'scheduled' when dice < 5 then 'cancelled' when dice < 7 then 'no_show'
            else 'completed' end,
       case when past and dice < 5 then starts_at - interval '1 day' * (dice % 3) end,
       case when past and dice < 5 then (select id from accounts where role = 'admin' order by created_at limit 1) end,
       case when past and dice < 5 then 'admin' end, case when past and dice < 5 then 'Sick' end,
       case when past and dice < 5 then dice % 3 = 0 end,
       case when past and dice >= 7 then session_id end,
       (select id from accounts where role = 'admin' order by created_at limit 1),
       starts_at - interval '30 days', least(starts_at, now()),
       case when past and dice >= 7 then starts_at end,
       case when past and dice >= 7 then starts_at + interval '2 hours' end
from bench_days;

-- trials / 3 per program on its target in intervention; every tenth session a 5-trial probe of each maintenance target
insert into session_events (id, session_id, child_id, type, target_id, outcome, prompt_level, at, received_at)
select gen_random_uuid(), session_id, child_id, 'trial', md5('bench-target-' || i || '-' || p || '-0')::uuid,
       case when (k + n) % 10 < 5 + (n % 4) then 'correct' else 'incorrect' end,
       case when k % 4 = 0 then 'gestural' else 'independent' end,
       starts_at + (p * 30 + k * 25.0 / greatest(1, :trials / 3)) * interval '1 minute', starts_at + interval '2 hours'
from bench_days, generate_series(0, 2) p, generate_series(0, greatest(1, :trials / 3) - 1) k
where past and dice >= 7
union all
select gen_random_uuid(), session_id, child_id, 'trial', md5('bench-target-' || i || '-' || p || '-1')::uuid,
       'correct', 'independent', starts_at + (95 + p * 5 + k) * interval '1 minute', starts_at + interval '2 hours'
from bench_days, generate_series(0, 2) p, generate_series(0, 4) k
where past and dice >= 7 and n % 10 = 0;

-- one open session per child today (started an hour ago), for the ingestion workload
insert into therapy_sessions (id, child_id, therapist_id, service_code, place, started_at, note, status, created_at,
                              updated_at)
select md5('bench-open-session-' || i)::uuid, child_id, technician_id, '97153', 'clinic', now() - interval '1 hour',
       null, 'open', now() - interval '1 hour', now() - interval '1 hour'
from bench_children;

-- conversations: one per child, the guardian and the care team; messages over the history
insert into conversations (id, kind, child_id, created_by, created_at, last_message_at)
select md5('bench-conversation-' || i)::uuid, 'child', child_id, supervisor_id,
       now() - make_interval(days => :days + 30), case when :messages > 0 then now() - interval '1 hour' end
from bench_children;

insert into conversation_members (conversation_id, account_id)
select md5('bench-conversation-' || i)::uuid, a
from bench_children, unnest(array[parent_id, supervisor_id, technician_id]) a;

insert into messages (id, conversation_id, child_id, author_id, body, posted_at)
select md5('bench-message-' || i || '-' || k)::uuid, md5('bench-conversation-' || i)::uuid, child_id,
       (array[parent_id, supervisor_id, technician_id])[1 + k % 3],
       'Message ' || k || ': how did today go? ' || repeat('Good session, worked on requesting. ', 1 + k % 4),
       now() - interval '1 hour' - (:messages - 1 - k) * make_interval(days => :days) / greatest(1, :messages)
from bench_children, generate_series(0, :messages - 1) k
order by 6;

insert into conversation_reads (conversation_id, account_id, last_read_seq, read_at)
select m.conversation_id, m.account_id, max(x.seq), now() - interval '1 hour'
from conversation_members m join messages x on x.conversation_id = m.conversation_id
where m.conversation_id in (select md5('bench-conversation-' || i)::uuid from bench_children)
group by m.conversation_id, m.account_id;

-- audit volume: per submitted session, its submit and (audit - 1) reads of it
-- unsealed, as the app appends them (ADR 0005): the node's sealer chains them under its key once it runs
insert into audit_log (id, at, account_id, role, action, resource_type, resource_id, child_id, endpoint, address,
                       outcome)
select md5('bench-audit-' || s.id || '-' || k)::uuid, s.submitted_at + k * interval '1 minute', s.therapist_id,
       'therapist', case when k = 0 then 'update' else 'read' end, 'session', s.id, s.child_id,
       case when k = 0 then 'POST /api/sessions/{id}/submit' else 'GET /api/sessions/{id}' end, '10.0.0.1',
       'success'
from therapy_sessions s, generate_series(0, :audit - 1) k
where s.status = 'submitted' and s.id in (select session_id from bench_days)
order by s.submitted_at, k;

-- per-session, per-target results of the submitted sessions, as the app writes them at submission (the function
-- session_target_results_of of V65, docs/adr/0049): progress reads these, not the events
insert into session_target_results (session_id, target_id, child_id, started_at, ended_at, trials, percent_correct,
                                    percent_independent, count, duration_seconds)
select * from session_target_results_of(null);

commit;
analyze;

select (select count(*) from accounts) as accounts, (select count(*) from children) as children,
       (select count(*) from appointments) as appointments, (select count(*) from therapy_sessions) as sessions,
       (select count(*) from session_events) as events, (select count(*) from messages) as messages,
       (select count(*) from audit_log) as audit_rows;
