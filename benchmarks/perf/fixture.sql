-- The load client's fixture (Perf.java): one line per generated child: child, technician's email and id, the child's
-- open session, its first target in intervention, its conversation.
\pset format unaligned
\pset fieldsep ','
\pset tuples_only on
select c.id, a.email, a.id, s.id, t.id, v.id
from children c
join care_team_members m on m.child_id = c.id and m.role = 'technician'
join accounts a on a.id = m.account_id
join therapy_sessions s on s.child_id = c.id and s.status = 'open' and s.therapist_id = a.id
join targets t on t.child_id = c.id and t.phase = 'intervention' and t.position = 0
join programs p on p.id = t.program_id and p.name = 'Program 0'
join conversations v on v.child_id = c.id and v.kind = 'child'
where c.last_name like 'Bench%'
order by c.last_name
limit :limit;
