-- billing: a private-pay charge may be posted to the family's ledger more than once over its life (ADR 0028): posted
-- when ready, reversed when it is voided, held, repriced or billed to an insurer instead, posted again when it is a
-- ready private-pay charge once more. Each posting of one charge has its number; a number is used once, so a
-- redelivered event (which reads the charge under the family's lock and finds it posted) can never post it twice.
-- Adding a column with a default rewrites no row: the append-only trigger is not involved.
alter table ledger_entries add column posting smallint not null default 1 check (posting between 1 and 1000);

drop index ledger_entries_charge_once;
create unique index ledger_entries_charge_posting_once on ledger_entries (charge_id, posting) where kind = 'charge';
