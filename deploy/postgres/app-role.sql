-- The application's database role, apart from the schema's owner (ADR 0005, docs/deployment.md).
--
-- Migrations (Flyway) run as the owner: SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD. The app runs as a role that may
-- read and write the clinic's tables but may only INSERT and SELECT the access log (audit_log): it cannot update,
-- delete or truncate it, nor disable its triggers (only the owner can alter the table). Someone who takes over the
-- app therefore cannot rewrite the log; the keyed chain and the checkpoints catch whoever holds the owner's password.
--
-- Run once, as a superuser, in the app's database, after `createdb -O <owner> <database>` and before the first
-- start (running it again is harmless: it only grants and revokes):
--   psql -v ON_ERROR_STOP=1 -v owner=sparktherapy_owner -v app=sparktherapy_app -d sparktherapy \
--        -f deploy/postgres/app-role.sql
-- Create the app's login role first if it does not exist:
--   createuser --no-superuser --no-createdb --no-createrole --pwprompt sparktherapy_app
-- Then set SPRING_DATASOURCE_USERNAME=sparktherapy_app and SPRING_FLYWAY_USER=sparktherapy_owner.

\set ON_ERROR_STOP on

select format('grant connect, temporary on database %I to %I', current_database(), :'app') \gexec
grant usage on schema public to :"app";

-- every table and sequence the owner creates, now and in later migrations
alter default privileges for role :"owner" in schema public
    grant select, insert, update, delete on tables to :"app";
alter default privileges for role :"owner" in schema public
    grant usage, select on sequences to :"app";
grant select, insert, update, delete on all tables in schema public to :"app";
grant usage, select on all sequences in schema public to :"app";

-- the access log: insert and read only (the migrations' afterMigrate callback revokes the rest again after every
-- migration, so a database migrated after this script ran is right too)
select format('revoke update, delete, truncate, trigger, references on audit_log from %I', :'app')
where to_regclass('public.audit_log') is not null \gexec
