-- scheduling: a completed appointment keeps when it actually began and ended (the session's times by default);
-- billing counts its units from them, not from the times it was booked for.

alter table appointments
    add column actual_start timestamptz,
    add column actual_end   timestamptz;

-- appointments completed before this change took place as booked, as far as anyone recorded
update appointments set actual_start = starts_at, actual_end = ends_at where status = 'completed';

alter table appointments
    add constraint appointments_actual_times check (
        (status = 'completed') = (actual_start is not null and actual_end is not null)
        and (actual_end is null or (actual_end > actual_start and actual_end < actual_start + interval '24 hours')));
