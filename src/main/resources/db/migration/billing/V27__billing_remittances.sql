-- billing: remittance advice (X12 835) imported and posted to claims (docs/adr/0030). One row per 835 transaction:
-- a payment (check or EFT) named by its trace number (TRN02) and the payer's identifier (TRN03, else REF*2U): the
-- pair is unique, so a file imported twice posts nothing twice. What each claim and line got is kept as the payer
-- said it; the patient-responsibility (PR) share of each line waits in remittance_family_shares for the family
-- ledger (ADR 0028) until it is handed over.

create table remittances (
    id               uuid primary key,
    payer_identifier text           not null check (length(payer_identifier) between 1 and 80),
    trace_number     text           not null check (length(trace_number) between 1 and 50),
    payer_name       text,
    payer_id         uuid           references payers (id),
    total_paid       numeric(12, 2) not null,
    currency         char(3)        not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    payment_method   text,
    payment_date     date,
    file_sha256      text           not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
    imported_by      uuid           not null references accounts (id),
    imported_at      timestamptz    not null,
    constraint remittances_once unique (payer_identifier, trace_number)
);

create index remittances_imported_idx on remittances (imported_at desc);

-- One CLP of a remittance: posted to our claim (claim_id), or unmatched when CLP01 names no claim of ours. PHI.
create table remittance_claims (
    id                     uuid primary key,
    remittance_id          uuid           not null references remittances (id),
    claim_id               uuid           references claims (id),
    claim_number           text           not null,
    status_code            text           not null,
    outcome                text           not null check (outcome in ('paid', 'partially_paid', 'denied', 'reversed',
                                                                      'unmatched')),
    charge                 numeric(12, 2) not null,
    paid                   numeric(12, 2) not null,
    patient_responsibility numeric(12, 2) not null,
    payer_claim_number     text
);

create index remittance_claims_remittance_idx on remittance_claims (remittance_id);
create index remittance_claims_claim_idx on remittance_claims (claim_id);

-- Every CAS adjustment, of a claim (claim_line_id null) or of one of its lines
create table remittance_adjustments (
    id                  uuid primary key,
    remittance_claim_id uuid           not null references remittance_claims (id),
    claim_line_id       uuid           references claim_lines (id),
    group_code          text           not null check (group_code in ('CO', 'PR', 'OA', 'PI', 'CR')),
    reason_code         text           not null check (length(reason_code) between 1 and 5),
    amount              numeric(12, 2) not null,
    quantity            numeric(12, 2)
);

create index remittance_adjustments_claim_idx on remittance_adjustments (remittance_claim_id);

-- The family's share (PR) of each remitted line, shaped as the ledger's FamilyShare: handed to the family ledger
-- (Ledger.postFamilyShare) when it exists; posted_entry_id names the ledger entry once it was. reference is unique per
-- remittance line, so a share is never handed over twice.
create table remittance_family_shares (
    id               uuid primary key,
    remittance_id    uuid           not null references remittances (id),
    child_id         uuid           not null references children (id),
    charge_id        uuid           references charges (id),
    reference        text           not null unique,
    amount           numeric(12, 2) not null check (amount > 0),
    insurance_paid   numeric(12, 2),
    currency         char(3)        not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    service_date     date,
    remitted_on      date           not null,
    description      text           not null,
    posted_entry_id  uuid,
    posted_at        timestamptz
);

create index remittance_family_shares_child_idx on remittance_family_shares (child_id);
create index remittance_family_shares_unposted_idx on remittance_family_shares (remittance_id) where posted_entry_id is null;
