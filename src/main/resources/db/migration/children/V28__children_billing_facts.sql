-- children: what billing needs of a child's record to bill for it (ADR 0021, 0029): the date of birth (the 837P's
-- patient demographics) and the ICD-10-CM diagnosis codes the child's record holds (the charges' diagnoses unless a
-- coverage names its own). No names, notes or contacts.

create view child_billing_facts as
select id as child_id,
       date_of_birth,
       diagnosis_codes
from children;

comment on view child_billing_facts is
    'children''s published read interface: date of birth and diagnosis codes, for billing (ADR 0021, 0029)';
