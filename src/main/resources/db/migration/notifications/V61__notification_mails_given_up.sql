-- The mail outbox's metrics (ADR 0045) count the mails given up on every scrape: an index of only those, so the
-- count never reads the sent mails, which only grow.
create index notification_mails_failed_idx on notification_mails (attempts) where status = 'failed';
