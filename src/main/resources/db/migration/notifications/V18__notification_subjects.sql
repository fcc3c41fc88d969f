-- notifications: what a notice is about (its subject), so the same notice about the same thing is kept once per
-- recipient while it stands (a repeat updates it), and a task's notice is resolved when the task is done.

alter table notifications add column subject_type text;
alter table notifications add column subject_id uuid;
alter table notifications add column resolved_at timestamptz;
alter table notifications add constraint notifications_subject_whole
    check ((subject_type is null) = (subject_id is null));

-- At most one standing (unresolved) notice per recipient, kind and subject; a resolved one is history.
create unique index notifications_standing_subject_idx on notifications (recipient_id, kind, subject_type, subject_id)
    where subject_id is not null and resolved_at is null;

-- Resolving finds every recipient's notice about a subject.
create index notifications_subject_idx on notifications (subject_type, subject_id) where resolved_at is null;

-- The tasks already noticed get their subject (their source key is the session's or the request's id), so they
-- can be resolved like new ones.
update notifications set subject_type = 'session', subject_id = cast(source_key as uuid)
    where kind = 'signature_requested' and source_key ~ '^[0-9a-f-]{36}$';
update notifications set subject_type = 'change_request', subject_id = cast(source_key as uuid)
    where kind = 'change_requested' and source_key ~ '^[0-9a-f-]{36}$';

-- A notice that comes again (a new message in the same conversation, an authorization going over after running
-- out) may be mailed again: several mails per notification, still at most one waiting.
alter table notification_mails drop constraint notification_mails_notification_id_key;
create index notification_mails_notification_idx on notification_mails (notification_id);
create unique index notification_mails_one_pending_idx on notification_mails (notification_id) where status = 'pending';

-- The tasks done, per kind and subject. Listeners run asynchronously and in any order: a task's notice that
-- arrives after the task was done (a note signed the moment it was submitted) is stored resolved.
create table notification_resolutions (
    kind         text        not null,
    subject_type text        not null,
    subject_id   uuid        not null,
    resolved_at  timestamptz not null,
    primary key (kind, subject_type, subject_id)
);
