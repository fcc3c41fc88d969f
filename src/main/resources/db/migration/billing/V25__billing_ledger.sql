-- billing: the family ledger (ADR 0028). Money is kept per child (the "family account" of that child). Every money
-- event is an immutable entry; a balance is the sum of a child's entries, never a stored counter; a correction is a
-- reversing entry. Sign: positive = the family owes more (charge, family share, refund paid out, a debit
-- adjustment), negative = the family owes less (payment, write-off, a credit adjustment or credit note).

create table payments (
    id              uuid primary key,
    child_id        uuid          not null references children (id),
    method          text          not null check (method in ('cash', 'check', 'card_terminal', 'bank_transfer')),
    -- check number or card-terminal reference; a bank transfer's reference
    reference       text          check (length(reference) between 1 and 100),
    amount          numeric(12,2) not null check (amount > 0),
    currency        char(3)       not null default 'USD',
    received_on     date          not null,
    note            text          check (length(note) <= 500),
    recorded_by     uuid          not null references accounts (id),
    recorded_at     timestamptz   not null,
    -- the client's Idempotency-Key, scoped to the account that sent it, and a hash of what it asked for: a retry
    -- with the same key and body gets the same payment, the same key with another body a 409
    idempotency_key text          not null check (length(idempotency_key) between 1 and 200),
    request_hash    text          not null,
    constraint payments_idempotency_key unique (recorded_by, idempotency_key)
);

create index payments_child_idx on payments (child_id, received_on);

-- invoices for private pay and credit notes against them. A draft has no number; issuing takes the next number of
-- its kind and posts its lines to the ledger; voiding reverses what issuing posted.
create sequence invoice_number_seq;
create sequence credit_note_number_seq;

create table invoices (
    id               uuid primary key,
    child_id         uuid          not null references children (id),
    kind             text          not null default 'invoice' check (kind in ('invoice', 'credit_note')),
    number           text          unique,
    status           text          not null default 'draft' check (status in ('draft', 'issued', 'void')),
    -- a credit note names the invoice it credits
    credits_invoice  uuid          references invoices (id),
    currency         char(3)       not null default 'USD',
    issued_on        date,
    due_on           date,
    voided_on        date,
    void_reason      text          check (length(void_reason) <= 500),
    created_by       uuid          not null references accounts (id),
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          integer       not null default 0,
    check ((kind = 'credit_note') = (credits_invoice is not null)),
    check (status <> 'issued' or number is not null)
);

create index invoices_child_idx on invoices (child_id, created_at);

create table ledger_entries (
    id                   uuid primary key,
    child_id             uuid          not null references children (id),
    kind                 text          not null check (kind in ('charge', 'payment', 'adjustment', 'refund', 'write_off',
                                                                 'patient_responsibility', 'reversal')),
    amount               numeric(12,2) not null check (amount <> 0),
    currency             char(3)       not null default 'USD',
    occurred_on          date          not null,
    description          text          not null check (length(description) between 1 and 500),
    -- links: the charge (charges module) a charge or family share comes from, the payment a payment or refund
    -- belongs to, the invoice or credit note that posted it, the remittance line a family share comes from
    charge_id            uuid,
    payment_id           uuid          references payments (id),
    invoice_id           uuid          references invoices (id),
    remittance_reference text          check (length(remittance_reference) between 1 and 200),
    -- for a family share: what insurance paid on the line (shown on statements, not part of the balance)
    insurance_paid       numeric(12,2),
    -- a write-off or credit adjustment names the open item it reduces
    applies_to           uuid          references ledger_entries (id),
    -- a reversal names the entry it cancels; an entry is reversed at most once
    reverses             uuid          unique references ledger_entries (id),
    recorded_by          uuid          references accounts (id),
    recorded_at          timestamptz   not null,
    check ((kind = 'reversal') = (reverses is not null)),
    check (kind not in ('payment', 'write_off') or amount < 0),
    check (kind not in ('charge', 'patient_responsibility', 'refund') or amount > 0),
    check (kind <> 'patient_responsibility' or remittance_reference is not null)
);

create index ledger_entries_child_idx on ledger_entries (child_id, occurred_on);
-- a remittance line's family share is posted once, however often the remittance is imported
create unique index ledger_entries_family_share_once on ledger_entries (remittance_reference)
    where kind = 'patient_responsibility';
-- a private-pay charge of the charges module is posted once
create unique index ledger_entries_charge_once on ledger_entries (charge_id) where kind = 'charge';

-- the ledger is append-only: nothing updates or deletes an entry, not even a bug or a hand at the psql prompt
create function billing_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: post a reversing entry instead', tg_table_name
        using errcode = 'restrict_violation';
end
$$;

create trigger ledger_entries_no_update_or_delete
    before update or delete on ledger_entries
    for each row execute function billing_append_only();

create trigger ledger_entries_no_truncate
    before truncate on ledger_entries
    for each statement execute function billing_append_only();

-- which open items (charges, family shares, debit adjustments) a payment paid, oldest first. Append-only as well:
-- a refund that takes money back from paid items adds a negative allocation.
create table payment_allocations (
    id          uuid primary key,
    payment_id  uuid          not null references payments (id),
    entry_id    uuid          not null references ledger_entries (id),
    amount      numeric(12,2) not null check (amount <> 0),
    created_at  timestamptz   not null
);

create index payment_allocations_payment_idx on payment_allocations (payment_id);
create index payment_allocations_entry_idx on payment_allocations (entry_id);

create table invoice_lines (
    id           uuid primary key,
    invoice_id   uuid          not null references invoices (id),
    position     integer       not null,
    description  text          not null check (length(description) between 1 and 200),
    service_date date          not null,
    quantity     integer       not null check (quantity between 1 and 1000),
    unit_price   numeric(12,2) not null,
    amount       numeric(12,2) not null,
    -- the private-pay charge (charges module) the line bills, if any
    charge_id    uuid,
    -- the ledger entry the line posted when its invoice was issued; a credit note's line names the item it credits
    entry_id     uuid          references ledger_entries (id),
    credits_entry uuid         references ledger_entries (id),
    unique (invoice_id, position),
    check (amount = quantity * unit_price)
);

create index invoice_lines_invoice_idx on invoice_lines (invoice_id);

-- payments and allocations are append-only like the entries (a refund or de-allocation is a new row)
create trigger payments_no_update_or_delete
    before update or delete on payments
    for each row execute function billing_append_only();

create trigger payment_allocations_no_update_or_delete
    before update or delete on payment_allocations
    for each row execute function billing_append_only();
