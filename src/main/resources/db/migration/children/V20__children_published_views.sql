-- children: its published read interface in SQL (docs/adr/0021). Other modules read children, guardians and care
-- teams only through these views.

-- What other modules show of a child: its names and status; display_name is "preferred (else first) name, last name".
create view child_names as
select id                                                   as child_id,
       first_name,
       last_name,
       preferred_name,
       coalesce(preferred_name, first_name) || ' ' || last_name as display_name,
       status
from children;

-- Which children an account may see, and as what: a therapist the children whose care team they are on (relation
-- supervisor or technician), a parent the children they are a guardian of (relation guardian). Admins see every
-- child and are not listed. This is the one SQL statement of that rule; the children module's ChildAccessPolicy reads
-- it too. since: when the account was linked to the child.
create view child_visibility as
select m.child_id, m.account_id, m.role as relation, m.added_at as since
from care_team_members m
join account_names a on a.account_id = m.account_id and a.role = 'therapist'
union all
select g.child_id, g.account_id, 'guardian'::text as relation, g.added_at as since
from guardians g
join account_names a on a.account_id = g.account_id and a.role = 'parent';

comment on view child_names is 'children''s published read interface: a child''s names and status (ADR 0021)';
comment on view child_visibility is
    'children''s published read interface: which children an account sees, as supervisor, technician or guardian (ADR 0021)';
