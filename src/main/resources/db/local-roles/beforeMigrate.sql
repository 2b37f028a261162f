-- Dev mode and tests only (never in production, where the database's administrator creates the roles): the embedded
-- PostgreSQL has just its superuser, which migrates here; the app signs in as ${runtime_role} (docs/adr/0035).
do $$
begin
    if not exists (select from pg_roles where rolname = '${runtime_role}') then
        create role "${runtime_role}" login password '${runtime_password}';
    end if;
end
$$;
