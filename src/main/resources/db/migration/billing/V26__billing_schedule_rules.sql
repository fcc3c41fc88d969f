-- billing: how the schedule follows the children's insurance authorizations (ADR 0031). One row for the clinic.
--   enforcement: 'warn' — a booking, move or accepted schedule beyond an authorization is made and answered with
--                warnings; 'block' — it is refused (409) and nothing is booked.
--   grace_days:  a past appointment nobody completed (still scheduled or checked in) stops counting as planned units
--                once its day lies more than this many days back (ADR 0015 counted it for ever).

create table billing_schedule_rules (
    id          boolean     primary key default true check (id),
    enforcement text        not null default 'warn' check (enforcement in ('warn', 'block')),
    grace_days  integer     not null default 7 check (grace_days between 0 and 90),
    updated_by  uuid,
    updated_at  timestamptz not null default now(),
    version     integer     not null default 0
);

insert into billing_schedule_rules (id) values (true);
