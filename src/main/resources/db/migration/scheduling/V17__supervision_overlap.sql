-- scheduling: a supervisor's protocol modification (97155) may overlap the same child's treatment by protocol
-- (97153) with a technician: that is how supervision is delivered. Every other overlap of one child stays refused.
--
-- Exclusion constraints refuse a pair of rows when every operator says true. child_slot turns the pair rule into
-- ranges: 97155 holds [0,2), 97153 holds [2,4) and every other code [0,4). Ranges overlap (&&) for every pair except
-- 97155 with 97153, so two 97153s, two 97155s, 97155 with 97151 and so on still conflict. The same therapist on both
-- is refused by appointments_therapist_no_overlap; only a BCBA or BCaBA is booked for 97155 (the application checks
-- the credential when booking).

alter table appointments
    add column child_slot int4range generated always as (
        case service_code when '97155' then int4range(0, 2) when '97153' then int4range(2, 4) else int4range(0, 4) end
    ) stored;

alter table appointments
    drop constraint appointments_child_no_overlap,
    add constraint appointments_child_no_overlap exclude using gist (
        child_id with =, child_slot with &&, tstzrange(starts_at, ends_at) with &&)
        where (status not in ('cancelled', 'no_show'))
        deferrable initially immediate;
