-- The app signs in as ${runtime_role}, a role with data rights only; Flyway migrates as the schema's owner
-- (docs/adr/0035). Tables and sequences that later migrations create get the same rights by default.
do $$
begin
    if '${runtime_role}' = current_user then
        raise exception 'the app signs in as the role that migrates: give it its own (BACKLINE_DB_USER, BACKLINE_DB_OWNER_USER)';
    end if;
end
$$;

grant usage on schema public to "${runtime_role}";
grant select, insert, update, delete on all tables in schema public to "${runtime_role}";
grant usage, select on all sequences in schema public to "${runtime_role}";
alter default privileges in schema public grant select, insert, update, delete on tables to "${runtime_role}";
alter default privileges in schema public grant usage, select on sequences to "${runtime_role}";

-- Append-only by grants as well as by its trigger: the app may add and read audit rows, never change them.
revoke update, delete, truncate on audit_event from "${runtime_role}";
-- Migration history is the owner's.
revoke all on "${flyway:table}" from "${runtime_role}";

-- Before PostgreSQL 15 every role may create tables in the public schema; the runtime role must not.
do $$
begin
    if exists (select from pg_namespace n, aclexplode(n.nspacl) a
               where n.nspname = 'public' and a.grantee = 0 and a.privilege_type = 'CREATE') then
        revoke create on schema public from public;
    end if;
end
$$;
