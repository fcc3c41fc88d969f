-- real time: the events pushed to each user's stream (GET /api/events), kept for a bounded window so a client that
-- reconnects with Last-Event-ID receives what it missed. The id is the SSE event id: increasing, never reused.

create table live_events (
    id           bigint generated always as identity primary key,
    recipient_id uuid        not null references accounts (id),
    type         text        not null check (type ~ '^[a-z]+(\.[a-z_]+)+$'),
    payload      jsonb       not null,
    created_at   timestamptz not null
);

create index live_events_recipient on live_events (recipient_id, id);
create index live_events_created_at on live_events (created_at);
