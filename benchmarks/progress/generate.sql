-- A long history for one child (ADR 0049): :sessions submitted sessions, one a day back from yesterday, each with
-- :per_target events for every target of the child's current programs, of the kind its measurement records, and an
-- undo now and then. Run against a database the demo clinic seeded, naming the child and a therapist of its team:
--   psql -v child=<uuid> -v therapist=<uuid> -v sessions=400 -v per_target=8 -f generate.sql
-- Events go in by SQL, not the API, so session_target_results (V64) is filled at the end for the sessions made here,
-- with the function the app writes them with (session_target_results_of, V65).
\set ON_ERROR_STOP on
begin;

create temporary table bench_sessions on commit drop as
select gen_random_uuid() as id, date_trunc('day', now()) - make_interval(days => g) + interval '15 hours' as started_at
from generate_series(1, :sessions) g;

insert into therapy_sessions (id, child_id, therapist_id, service_code, place, started_at, ended_at, note, status,
                              submitted_at, created_at, updated_at)
select id, :'child', :'therapist', '97153', 'clinic', started_at, started_at + interval '2 hours', 'Generated.',
    'submitted', started_at + interval '2 hours', started_at, started_at
from bench_sessions;

insert into session_events (id, session_id, child_id, type, target_id, outcome, prompt_level, step, count, seconds,
                            at, received_at)
select gen_random_uuid(), s.id, :'child',
    case p.measurement when 'percent_correct' then 'trial' when 'task_analysis' then 'task_step'
        when 'duration' then 'duration' else 'frequency' end,
    t.id,
    case when p.measurement = 'percent_correct'
        then (array['correct', 'correct', 'incorrect', 'no_response'])[1 + (random() * 3)::int] end,
    case when p.measurement in ('percent_correct', 'task_analysis')
        then (array['independent', 'verbal', 'gestural', 'model'])[1 + (random() * 3)::int] end,
    case when p.measurement = 'task_analysis' then n end,
    case when p.measurement in ('frequency', 'rate') then 1 + (random() * 3)::int end,
    case when p.measurement = 'duration' then 10 + (random() * 120)::int end,
    s.started_at + make_interval(secs => n * 30), s.started_at + make_interval(secs => n * 30)
from bench_sessions s
cross join targets t
join programs p on p.id = t.program_id and p.status <> 'archived'
cross join generate_series(1, :per_target) n
where t.child_id = :'child';

-- an undo of one trial in every fifth session
insert into session_events (id, session_id, child_id, type, undoes, at, received_at)
select gen_random_uuid(), e.session_id, e.child_id, 'undo', e.id, e.at + interval '1 second', e.at
from (select distinct on (e.session_id) e.* from session_events e join bench_sessions s on s.id = e.session_id
      where e.type = 'trial' order by e.session_id, e.at) e
where random() < 0.2;

insert into session_target_results (session_id, target_id, child_id, started_at, ended_at, trials, percent_correct,
                                    percent_independent, count, duration_seconds)
select r.* from session_target_results_of(null) r
-- the generated sessions only: the demo clinic's have their results already (V65's function, as the app writes them)
where r.session_id in (select id from bench_sessions);

commit;
analyze therapy_sessions;
analyze session_events;
analyze session_target_results;
