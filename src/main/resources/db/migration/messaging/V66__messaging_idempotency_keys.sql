-- A post may carry the client's Idempotency-Key (ADR 0053): a repeat of the same post with the same key answers the
-- message stored the first time instead of storing it twice; the same key for another post is refused. Keys are the
-- author's own (one author cannot collide with another's), and request_hash tells a repeat from a different post.
alter table messages
    add column idempotency_key text check (length(idempotency_key) between 1 and 200),
    add column request_hash    text,
    add constraint messages_idempotency_key_hash check ((idempotency_key is null) = (request_hash is null));

create unique index messages_author_idempotency_key on messages (author_id, idempotency_key)
    where idempotency_key is not null;
