-- billing: payers and their fee schedules, the children's insurance coverages, the clinic's billing identity and its
-- providers' NPIs, and charges — one per completed appointment, priced and checked for what keeps it from a claim
-- (docs/adr/0029). Money is numeric(12,2) with a currency, never floating point.

-- Who pays: an insurer (billed by claims) or the family itself (private pay, billed by invoices). Exactly one
-- private-pay payer exists; it is created here so every clinic has one.
create table payers (
    id                     uuid primary key,
    name                   text        not null unique check (length(name) between 1 and 200),
    kind                   text        not null check (kind in ('insurance', 'private_pay')),
    -- the payer id of the X12 837 (NM1*PR); insurers only
    x12_payer_id           text        check (x12_payer_id ~ '^[A-Za-z0-9]{2,80}$'),
    -- how minutes become 15-minute units: cms_8_minute (a unit from 8 minutes on) or whole_units (only full units)
    rounding_rule          text        not null default 'cms_8_minute' check (rounding_rule in ('cms_8_minute', 'whole_units')),
    -- whether a charge needs an authorization covering its date and code (private pay: never)
    requires_authorization boolean     not null default true,
    currency               char(3)     not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    address_line1          text        check (length(address_line1) <= 200),
    address_line2          text        check (length(address_line2) <= 200),
    city                   text        check (length(city) <= 100),
    state                  text        check (state ~ '^[A-Z]{2}$'),
    postal_code            text        check (postal_code ~ '^[0-9]{5}([0-9]{4})?$'),
    active                 boolean     not null default true,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                integer     not null default 0
);

create unique index payers_one_private_pay on payers (kind) where kind = 'private_pay';

insert into payers (id, name, kind, rounding_rule, requires_authorization, currency, created_at, updated_at)
values (gen_random_uuid(), 'Private pay', 'private_pay', 'cms_8_minute', false, 'USD', now(), now());

-- The procedure modifier a payer wants for the credential of the rendering provider (e.g. HM, HN, HO, HP)
create table payer_modifiers (
    payer_id   uuid not null references payers (id) on delete cascade,
    credential text not null check (credential in ('BCBA', 'BCaBA', 'RBT', 'other')),
    modifier   text not null check (modifier ~ '^[A-Z0-9]{2}$'),
    primary key (payer_id, credential)
);

-- What a payer pays per unit of a service code from a date on; the open-ended rate is the current one
create table fee_schedule_rates (
    id             uuid primary key,
    payer_id       uuid          not null references payers (id) on delete cascade,
    service_code   text          not null check (service_code in ('97151', '97152', '97153', '97154', '97155', '97156', '97157', '97158')),
    rate_per_unit  numeric(12, 2) not null check (rate_per_unit >= 0),
    currency       char(3)       not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    effective_from date          not null,
    effective_to   date,
    check (effective_to is null or effective_to >= effective_from),
    -- one rate per payer, code and day
    constraint fee_schedule_rates_no_overlap exclude using gist (
        payer_id with =, service_code with =, daterange(effective_from, effective_to, '[]') with &&)
);

-- A child's insurance: which payer, the member and group numbers, who the subscriber is. A child without a coverage
-- on a date is private pay. PHI.
create table coverages (
    id                        uuid primary key,
    child_id                  uuid        not null references children (id),
    payer_id                  uuid        not null references payers (id),
    member_id                 text        check (length(member_id) between 1 and 80),
    group_number              text        check (length(group_number) between 1 and 50),
    subscriber_name           text        check (length(subscriber_name) between 1 and 200),
    -- X12 individual relationship: self, spouse, child, other
    subscriber_relationship   text        not null default 'child' check (subscriber_relationship in ('self', 'spouse', 'child', 'other')),
    subscriber_date_of_birth  date,
    -- the diagnoses (ICD-10-CM) this coverage is billed with, until the child's record publishes its own (ADR 0029)
    diagnosis_codes           text[]      not null default '{}',
    starts_on                 date        not null,
    ends_on                   date,
    priority                  smallint    not null default 1 check (priority between 1 and 3),
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    version                   integer     not null default 0,
    check (ends_on is null or ends_on >= starts_on),
    -- one primary (secondary, …) coverage per child and day
    constraint coverages_no_overlap exclude using gist (
        child_id with =, priority with =, daterange(starts_on, ends_on, '[]') with &&)
);

create index coverages_child_idx on coverages (child_id, starts_on);

-- The clinic as the billing provider of a claim: one row (id is always 1)
create table billing_settings (
    id                        smallint primary key default 1 check (id = 1),
    legal_name                text        not null check (length(legal_name) between 1 and 200),
    npi                       text        check (npi ~ '^[0-9]{10}$'),
    tax_id                    text        check (tax_id ~ '^[0-9]{2}-[0-9]{7}$'),
    taxonomy_code             text        check (taxonomy_code ~ '^[0-9]{3}[0-9A-Z]{6}X$'),
    address_line1             text        check (length(address_line1) <= 200),
    address_line2             text        check (length(address_line2) <= 200),
    city                      text        check (length(city) <= 100),
    state                     text        check (state ~ '^[A-Z]{2}$'),
    postal_code               text        check (postal_code ~ '^[0-9]{5}([0-9]{4})?$'),
    phone                     text        check (phone ~ '^[0-9]{10}$'),
    -- place of service of a telehealth session: 10 (in the child's home) or 02 (elsewhere), the clinic's choice
    telehealth_place_of_service char(2)   not null default '10' check (telehealth_place_of_service in ('10', '02')),
    updated_at                timestamptz not null,
    version                   integer     not null default 0
);

-- Rendering and supervising providers' NPIs
create table provider_numbers (
    account_id uuid primary key references accounts (id),
    npi        text        not null unique check (npi ~ '^[0-9]{10}$'),
    updated_at timestamptz not null
);

-- One charge per completed appointment: what it bills, to whom, at what price, and whether it may be claimed.
-- hold_reasons: [{code, message, fix}] — every reason it cannot be billed yet (status held); empty when ready.
create table charges (
    id                      uuid primary key,
    appointment_id          uuid           not null unique,
    session_id              uuid,
    child_id                uuid           not null references children (id),
    payer_id                uuid           not null references payers (id),
    coverage_id             uuid           references coverages (id),
    service_code            text           not null check (service_code in ('97151', '97152', '97153', '97154', '97155', '97156', '97157', '97158')),
    modifiers               text[]         not null default '{}',
    service_date            date           not null,
    starts_at               timestamptz    not null,
    ends_at                 timestamptz    not null,
    minutes                 integer        not null check (minutes >= 0),
    units                   integer        not null check (units >= 0),
    unit_rate               numeric(12, 2) check (unit_rate >= 0),
    amount                  numeric(12, 2) not null check (amount >= 0),
    currency                char(3)        not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    place                   text           not null check (place in ('clinic', 'home', 'school', 'community', 'telehealth')),
    place_of_service        char(2)        not null check (place_of_service in ('11', '12', '03', '10', '02', '99')),
    rendering_provider_id   uuid           not null references accounts (id),
    supervising_provider_id uuid           references accounts (id),
    diagnosis_codes         text[]         not null default '{}',
    authorization_id        uuid           references authorizations (id) on delete set null,
    authorization_number    text,
    status                  text           not null check (status in ('ready', 'held', 'claimed', 'void')),
    hold_reasons            jsonb          not null default '[]',
    void_reason             text           check (length(void_reason) <= 500),
    created_at              timestamptz    not null,
    updated_at              timestamptz    not null,
    version                 integer        not null default 0,
    check (ends_at >= starts_at),
    check ((status = 'void') = (void_reason is not null))
);

create index charges_status_date_idx on charges (status, service_date);
create index charges_payer_status_idx on charges (payer_id, status, service_date);
create index charges_child_date_idx on charges (child_id, service_date);
create index charges_session_idx on charges (session_id);
create index charges_authorization_idx on charges (authorization_id);
