-- billing: the subscriber's (the insured person's) postal address on a coverage, which the 837P names in loop
-- 2010BA (N3/N4) when the subscriber is not the patient, and the CMS-1500 in box 7 (ADR 0030). Optional: coverages
-- recorded before stay valid; the address is whole or absent. Lengths as the 837's N3 (55) and N401 (30) allow.

alter table coverages
    add column subscriber_address_line1       text check (length(subscriber_address_line1) between 1 and 55),
    add column subscriber_address_line2       text check (length(subscriber_address_line2) between 1 and 55),
    add column subscriber_address_city        text check (length(subscriber_address_city) between 1 and 30),
    add column subscriber_address_state       text check (subscriber_address_state ~ '^[A-Z]{2}$'),
    add column subscriber_address_postal_code text check (subscriber_address_postal_code ~ '^[0-9]{5}([0-9]{4})?$'),
    add constraint coverages_subscriber_address_whole check (
        (subscriber_address_line1 is null and subscriber_address_line2 is null and subscriber_address_city is null
            and subscriber_address_state is null and subscriber_address_postal_code is null)
        or (subscriber_address_line1 is not null and subscriber_address_city is not null
            and subscriber_address_state is not null and subscriber_address_postal_code is not null));
