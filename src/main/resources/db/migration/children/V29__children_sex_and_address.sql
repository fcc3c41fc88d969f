-- children: the child's administrative sex and home address, which a claim names for the patient (the 837P's
-- loop 2010CA with its N3/N4 and DMG; CMS-1500 boxes 3 and 5). Both optional: records opened before stay valid,
-- and a claim that needs them names what is missing (ADR 0030).

alter table children
    add column sex                 text check (sex in ('female', 'male', 'unknown')),
    add column address_line1       text check (length(address_line1) between 1 and 55),
    add column address_line2       text check (length(address_line2) between 1 and 55),
    add column address_city        text check (length(address_city) between 1 and 30),
    add column address_state       text check (address_state ~ '^[A-Z]{2}$'),
    add column address_postal_code text check (address_postal_code ~ '^[0-9]{5}([0-9]{4})?$'),
    add constraint children_address_whole check (
        (address_line1 is null and address_city is null and address_state is null and address_postal_code is null
            and address_line2 is null)
        or (address_line1 is not null and address_city is not null and address_state is not null
            and address_postal_code is not null));

-- The published view gains the sex and the address (columns appended: a view is replaced in place).
create or replace view child_billing_facts as
select id as child_id,
       date_of_birth,
       diagnosis_codes,
       sex,
       address_line1,
       address_line2,
       address_city,
       address_state,
       address_postal_code
from children;

comment on view child_billing_facts is
    'children''s published read interface: date of birth, diagnosis codes, administrative sex and home address, '
    'for billing (ADR 0021, 0029, 0030)';
