-- billing: insurance claims (docs/adr/0030). A batch gathers the ready charges of one payer into claims (one per child,
-- coverage, rendering provider, place of service and authorization, at most 50 lines), exported as one X12 837P file
-- whose interchange control number is the batch's. A claim's lines point at the charges they bill; the charges become
-- 'claimed'. Money is numeric(12,2) with a currency.

-- ISA13/GS06 of the exported files: unique per sender, 1..999,999,999 (wraps after that, as X12 allows)
create sequence claim_interchange_numbers minvalue 1 maxvalue 999999999 cycle;

-- CLM01 (our claim number, returned by the 835 in CLP01)
create sequence claim_numbers minvalue 1;

create table claim_batches (
    id             uuid primary key,
    payer_id       uuid           not null references payers (id),
    control_number integer        not null unique check (control_number between 1 and 999999999),
    -- draft: built, may be exported and printed; submitted: an admin sent the file to the payer
    status         text           not null check (status in ('draft', 'submitted')),
    total_charge   numeric(12, 2) not null check (total_charge >= 0),
    currency       char(3)        not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    created_by     uuid           not null references accounts (id),
    created_at     timestamptz    not null,
    exported_at    timestamptz,
    submitted_at   timestamptz,
    version        integer        not null default 0,
    check ((status = 'submitted') = (submitted_at is not null))
);

create index claim_batches_created_idx on claim_batches (created_at desc);

-- One claim to the payer. state: draft (not sent) → submitted → accepted (the payer took it) → paid, partially_paid or
-- denied (by the 835); void when voided. frequency: 1 original, 7 replacement of, 8 void of replaces_claim_id, whose
-- payer claim number (REF*F8) the payer gave in the 835 (CLP07). PHI.
create table claims (
    id                     uuid primary key,
    batch_id               uuid           not null references claim_batches (id),
    claim_number           text           not null unique check (claim_number ~ '^[A-Z0-9-]{1,20}$'),
    child_id               uuid           not null references children (id),
    payer_id               uuid           not null references payers (id),
    coverage_id            uuid           not null references coverages (id),
    state                  text           not null check (state in ('draft', 'submitted', 'accepted', 'denied', 'paid',
                                                                    'partially_paid', 'void')),
    frequency              char(1)        not null check (frequency in ('1', '7', '8')),
    replaces_claim_id      uuid           references claims (id),
    payer_claim_number     text           check (length(payer_claim_number) between 1 and 50),
    place_of_service       char(2)        not null,
    diagnosis_codes        text[]         not null check (cardinality(diagnosis_codes) between 1 and 12),
    authorization_number   text,
    rendering_provider_id  uuid           not null references accounts (id),
    total_charge           numeric(12, 2) not null check (total_charge >= 0),
    paid_amount            numeric(12, 2) not null default 0,
    patient_responsibility numeric(12, 2) not null default 0,
    currency               char(3)        not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    created_at             timestamptz    not null,
    submitted_at           timestamptz,
    updated_at             timestamptz    not null,
    version                integer        not null default 0,
    check ((frequency = '1') = (replaces_claim_id is null))
);

create index claims_batch_idx on claims (batch_id);
create index claims_child_idx on claims (child_id, created_at);
create index claims_state_idx on claims (state, created_at);

-- A service line of a claim: one charge, as billed (LX/SV1/DTP; REF*6R is the line's id)
create table claim_lines (
    id                 uuid primary key,
    claim_id           uuid           not null references claims (id),
    line_number        smallint       not null check (line_number between 1 and 50),
    charge_id          uuid           not null references charges (id),
    service_code       text           not null,
    modifiers          text[]         not null default '{}',
    units              integer        not null check (units > 0),
    amount             numeric(12, 2) not null check (amount >= 0),
    currency           char(3)        not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    service_date       date           not null,
    diagnosis_pointers smallint[]     not null check (cardinality(diagnosis_pointers) between 1 and 4),
    paid_amount        numeric(12, 2) not null default 0,
    unique (claim_id, line_number),
    unique (claim_id, charge_id)
);

create index claim_lines_charge_idx on claim_lines (charge_id);
