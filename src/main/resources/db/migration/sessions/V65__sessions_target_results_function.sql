-- sessions: the one definition of a submitted session's per-target results (docs/adr/0049, session 13). V64 wrote the
-- same statement four times (its backfill, SessionResults and two benchmark generators); it is now this function, which
-- they all call: SessionResults with one session's id, the generators with null (every submitted session).
-- The figures follow Tallies: entries not undone in their session; percentages rounded half up to one decimal as
-- Java's Math.round does (the same double arithmetic).
-- A single-select, stable, non-strict SQL function: PostgreSQL inlines it into the calling query, so with a session id
-- the `p_session is null or …` test folds to `s.id = $1` and reads that session's events by index; with a literal null
-- it folds to every submitted session in one set-based pass. (Declared strict, it would not be inlined, nor answer for
-- null.)
create function session_target_results_of(p_session uuid)
    returns table (session_id uuid, target_id uuid, child_id uuid, started_at timestamptz, ended_at timestamptz,
                   trials integer, percent_correct double precision, percent_independent double precision,
                   count integer, duration_seconds integer)
    language sql stable
as $$
select s.id, e.target_id, s.child_id, s.started_at, s.ended_at,
    (count(*) filter (where e.type in ('trial', 'task_step')))::integer,
    case
        when count(*) filter (where e.type = 'trial') > 0
            then floor(count(*) filter (where e.type = 'trial' and e.outcome = 'correct') * 1000.0::float8
                / count(*) filter (where e.type = 'trial') + 0.5) / 10
        when count(*) filter (where e.type = 'task_step') > 0
            then floor(count(*) filter (where e.type = 'task_step' and e.prompt_level = 'independent') * 1000.0::float8
                / count(*) filter (where e.type = 'task_step') + 0.5) / 10
    end,
    case
        when count(*) filter (where e.type in ('trial', 'task_step')) > 0
            then floor(count(*) filter (where e.type in ('trial', 'task_step') and e.prompt_level = 'independent')
                * 1000.0::float8 / count(*) filter (where e.type in ('trial', 'task_step')) + 0.5) / 10
    end,
    (coalesce(sum(e.count) filter (where e.type = 'frequency'), 0) + count(*) filter (where e.type = 'duration'))::integer,
    (coalesce(sum(e.seconds) filter (where e.type = 'duration'), 0))::integer
from therapy_sessions s
join session_events e on e.session_id = s.id and e.child_id = s.child_id
where s.status = 'submitted' and (p_session is null or s.id = p_session)
    and e.target_id is not null and e.type <> 'undo'
    and not exists (select 1 from session_events u where u.session_id = s.id and u.undoes = e.id)
group by s.id, e.target_id, s.child_id, s.started_at, s.ended_at
$$;
