-- scheduling: hours taken out of a draft may be a part of an hour (a 90-minute session moved and then removed), so
-- unplaced time is kept in minutes; the API still speaks hours (1.5).
alter table schedule_proposal_unplaced add column minutes integer;
update schedule_proposal_unplaced set minutes = hours * 60;
alter table schedule_proposal_unplaced alter column minutes set not null;
alter table schedule_proposal_unplaced add constraint schedule_proposal_unplaced_minutes_positive check (minutes > 0);
alter table schedule_proposal_unplaced drop column hours;
