-- audit: after every migration, no role but audit_log's owner (who runs the migrations) may change, delete, truncate
-- it or add triggers to it, whatever default privileges granted: the application's role may only insert and read
-- (ADR 0005, deploy/postgres/app-role.sql). A no-op when one role does everything (the embedded database).
-- Sealing needs no UPDATE: the app seals through audit_log_seal (V63), which runs as the owner and only fills the
-- chain fields of unsealed entries.
do $$
declare
    grantee text;
begin
    for grantee in
        select distinct g.grantee
        from information_schema.role_table_grants g
        where g.table_schema = current_schema() and g.table_name = 'audit_log'
          and g.privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES')
          and g.grantee <> (select pg_get_userbyid(c.relowner) from pg_class c
                            where c.oid = to_regclass('audit_log'))
    loop
        execute format('revoke update, delete, truncate, trigger, references on audit_log from %I', grantee);
    end loop;
end;
$$;
