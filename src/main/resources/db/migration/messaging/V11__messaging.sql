-- messaging: conversations (a child's, staff direct, announcements), messages with attachments, read state.
-- Who belongs to a child's conversation is not stored here: it is read from guardians and care_team_members at
-- the time of each request, so members follow the care team as it changes (docs/adr/0011-messaging.md).

create table conversations (
    id           uuid primary key,
    kind         text        not null check (kind in ('child', 'direct', 'announcement')),
    child_id     uuid        references children (id),
    -- direct: the sorted member ids, so the same group is one conversation
    member_key   text,
    -- announcement: 'everyone' or a role
    audience     text        check (audience in ('everyone', 'admin', 'therapist', 'parent')),
    title        text        check (length(title) between 1 and 200),
    created_by   uuid        references accounts (id),
    created_at   timestamptz not null,
    last_message_at timestamptz,
    constraint conversations_kind_fields check (
        (kind = 'child' and child_id is not null and member_key is null and audience is null)
        or (kind = 'direct' and child_id is null and member_key is not null and audience is null)
        or (kind = 'announcement' and child_id is null and member_key is null and audience is not null))
);

create unique index conversations_child_key on conversations (child_id) where kind = 'child';
create unique index conversations_member_key on conversations (member_key) where kind = 'direct';
create index conversations_announcements on conversations (audience) where kind = 'announcement';

-- direct conversations only: the staff members chosen when it was started
create table conversation_members (
    conversation_id uuid not null references conversations (id),
    account_id      uuid not null references accounts (id),
    primary key (conversation_id, account_id)
);

create index conversation_members_account_idx on conversation_members (account_id);

-- seq orders messages (cursor, read state); child_id is carried for distribution by child (DESIGN: Citus)
create table messages (
    id              uuid primary key,
    seq             bigint generated always as identity unique,
    conversation_id uuid        not null references conversations (id),
    child_id        uuid,
    author_id       uuid        not null references accounts (id),
    body            text        check (length(body) <= 5000),
    posted_at       timestamptz not null,
    edited_at       timestamptz,
    deleted_at      timestamptz,
    -- a deleted message is a tombstone: its text is gone
    constraint messages_tombstone check ((deleted_at is null) = (body is not null))
);

create index messages_conversation_idx on messages (conversation_id, seq desc);

create table message_attachments (
    id              uuid primary key,
    message_id      uuid        not null references messages (id),
    conversation_id uuid        not null references conversations (id),
    child_id        uuid,
    position        integer     not null,
    file_name       text        not null check (length(file_name) between 1 and 200),
    content_type    text        not null check (content_type in ('image/png', 'image/jpeg', 'image/webp',
                                                                  'image/gif', 'application/pdf')),
    size_bytes      bigint      not null check (size_bytes > 0),
    storage_key     text        not null unique,
    created_at      timestamptz not null,
    unique (message_id, position)
);

create index message_attachments_message_idx on message_attachments (message_id);

-- each member's read position in a conversation: every message with seq <= last_read_seq is read
create table conversation_reads (
    conversation_id uuid        not null references conversations (id),
    account_id      uuid        not null references accounts (id),
    last_read_seq   bigint      not null,
    read_at         timestamptz not null,
    primary key (conversation_id, account_id)
);

create index conversation_reads_account_idx on conversation_reads (account_id);
