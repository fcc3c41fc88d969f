-- billing: its published read interface for authorizations (docs/adr/0021). Reporting (utilization, burn-down,
-- the child's progress report) reads authorizations only through this view, never the table.

create view authorization_facts as
select id as authorization_id,
       child_id,
       payer,
       authorization_number,
       service_code,
       units_authorized,
       starts_on,
       ends_on
from authorizations;

comment on view authorization_facts is
    'billing''s published read interface: which units of which service code a payer authorized for a child and when (ADR 0021)';
