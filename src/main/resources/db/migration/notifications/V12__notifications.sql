-- notifications: the in-app centre, per-user channel preferences, the mail outbox, appointment reminders sent;
-- identity's password-reset tokens; the infrastructure both lean on: Spring Modulith's event publication
-- registry and ShedLock's job locks.

-- Spring Modulith 2.0.x event publication registry, exactly as spring-modulith-events-jdbc 2.0.3 ships it
-- (org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql); Modulith's own schema
-- initialisation is off (spring.modulith.events.jdbc.schema-initialization.enabled=false).
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);

-- ShedLock (net.javacrumbs.shedlock, JdbcTemplateLockProvider using the database's time)
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- One notification of one recipient. (recipient, kind, source_key) is unique: an event delivered twice (a
-- resubmitted publication) notifies once. in_app = false rows exist only to keep that key for the mail channel.
create table notifications (
    id           uuid primary key,
    recipient_id uuid        not null references accounts (id),
    kind         text        not null,
    source_key   text        not null,
    title        text        not null,
    link         text,
    in_app       boolean     not null,
    created_at   timestamptz not null,
    read_at      timestamptz,
    constraint notifications_once unique (recipient_id, kind, source_key)
);

create index notifications_recipient_idx on notifications (recipient_id, created_at desc) where in_app;
create index notifications_unread_idx on notifications (recipient_id) where in_app and read_at is null;

-- A user's choices that differ from a kind's defaults.
create table notification_preferences (
    account_id uuid    not null references accounts (id),
    kind       text    not null,
    channel    text    not null check (channel in ('in_app', 'email')),
    enabled    boolean not null,
    primary key (account_id, kind, channel)
);

-- Mails to send for notifications: written with the notification, sent after commit, retried by a job.
create table notification_mails (
    id              uuid primary key,
    notification_id uuid        not null unique references notifications (id),
    status          text        not null check (status in ('pending', 'sent', 'failed')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    created_at      timestamptz not null
);

create index notification_mails_due_idx on notification_mails (next_attempt_at) where status = 'pending';

-- The appointment reminders already sent: one per appointment and start time, so a moved appointment gets a new
-- reminder and nothing is sent twice, whichever node runs the job.
create table appointment_reminders (
    appointment_id uuid        not null,
    starts_at      timestamptz not null,
    sent_at        timestamptz not null,
    primary key (appointment_id, starts_at)
);

-- identity: single-use password-reset links; only the token's SHA-256 hash is kept.
create table password_reset_tokens (
    id         uuid primary key,
    account_id uuid        not null references accounts (id),
    token_hash bytea       not null unique,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create index password_reset_tokens_account_idx on password_reset_tokens (account_id) where used_at is null;
