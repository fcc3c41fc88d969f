-- identity: its published read interface in SQL. Other modules read accounts only through this view (names to show,
-- role and credential to filter by, when the account was opened), never the accounts table: no email address, no
-- password hash. Lookups of an account's email go through the identity.Accounts facade (docs/adr/0021).

create view account_names as
select id         as account_id,
       name,
       role,
       credential,
       active,
       created_at as opened_at
from accounts;

comment on view account_names is
    'identity''s published read interface: account id, name, role, credential, active, opened_at (ADR 0021)';
