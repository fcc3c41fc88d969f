-- reporting: the child's progress report (docs/adr/0034). A BCBA's draft for a period, then a signed version whose
-- figures are frozen as they were at signing (snapshot). A signed row is never changed: a correction is a new report
-- that names the one it supersedes. Every row carries the child's id.

create table progress_reports
(
    id               uuid primary key,
    child_id         uuid        not null,
    period_start     date        not null,
    period_end       date        not null,
    summary          text        not null default '',
    goals            text        not null default '',
    recommendations  text        not null default '',
    created_by       uuid        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    supersedes       uuid references progress_reports (id),
    signed_by        uuid,
    signed_by_name   text,
    signed_at        timestamptz,
    snapshot         jsonb,
    version          integer     not null default 0,
    constraint progress_reports_period check (period_end >= period_start),
    constraint progress_reports_signature check ((signed_at is null) = (signed_by is null)
        and (signed_at is null) = (snapshot is null) and (signed_at is null) = (signed_by_name is null))
);

create index progress_reports_child on progress_reports (child_id, period_end desc, created_at desc);

-- one signed correction per signed report: a report is superseded at most once
create unique index progress_reports_superseded_once on progress_reports (supersedes) where signed_at is not null;

-- the signed document is immutable: the database refuses to change or delete it
create function progress_reports_signed_is_final() returns trigger
    language plpgsql as
$$
begin
    if old.signed_at is not null then
        raise exception 'progress report % is signed and cannot be changed', old.id using errcode = '55000';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger progress_reports_signed_is_final
    before update or delete
    on progress_reports
    for each row
execute function progress_reports_signed_is_final();
