-- real time: per user, the highest live-event id pruned by housekeeping. A client whose Last-Event-ID is below it
-- may have missed an event that no longer exists, so it is told to reload (410) instead of replaying with a gap.

create table live_event_horizons (
    recipient_id   uuid   primary key references accounts (id),
    pruned_through bigint not null
);
