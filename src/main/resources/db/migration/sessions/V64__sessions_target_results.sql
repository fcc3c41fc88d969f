-- sessions: per-session, per-target results of submitted sessions (docs/adr/0049). A submitted session is locked, so
-- what it adds to each target's graph is computed once, in the transaction that submits it (and again, to the same
-- figures, when an addendum is written), instead of replaying a child's every event on each read of progress.
-- The figures follow Tallies: entries not undone in their session; percentages rounded half up to one decimal as
-- Java's Math.round does (the same double arithmetic). Whether a result meets the criterion is decided when read,
-- against the criterion of the day. The backfill below is the same statement as SessionResults.WRITE, for every
-- session already submitted.

create table session_target_results (
    session_id          uuid             not null references therapy_sessions (id),
    target_id           uuid             not null,
    child_id            uuid             not null,
    started_at          timestamptz      not null,
    ended_at            timestamptz,
    trials              integer          not null,
    percent_correct     double precision,
    percent_independent double precision,
    count               integer          not null,
    duration_seconds    integer          not null,
    revision            bigint           not null generated always as identity,
    primary key (session_id, target_id)
);

-- a child's targets over a period, read in date order; the revision makes the progress ETag an index-only read
create index session_target_results_child_idx on session_target_results (child_id, started_at, session_id)
    include (revision);

insert into session_target_results (session_id, target_id, child_id, started_at, ended_at, trials, percent_correct,
                                    percent_independent, count, duration_seconds)
select s.id, e.target_id, s.child_id, s.started_at, s.ended_at,
    count(*) filter (where e.type in ('trial', 'task_step')),
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
    coalesce(sum(e.count) filter (where e.type = 'frequency'), 0) + count(*) filter (where e.type = 'duration'),
    coalesce(sum(e.seconds) filter (where e.type = 'duration'), 0)
from therapy_sessions s
join session_events e on e.session_id = s.id and e.child_id = s.child_id
where s.status = 'submitted' and e.target_id is not null and e.type <> 'undo'
    and not exists (select 1 from session_events u where u.session_id = s.id and u.undoes = e.id)
group by s.id, e.target_id, s.child_id, s.started_at, s.ended_at;

-- a child's events (mastery, the caseload) are read by child alone; the partial index left out undo events, so such
-- a read was a full scan. The whole index serves both by-child and by-child-and-target reads.
create index session_events_child_idx on session_events (child_id, target_id);
drop index session_events_child_target_idx;
