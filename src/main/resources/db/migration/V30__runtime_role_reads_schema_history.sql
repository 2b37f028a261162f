-- Instances that do not migrate (docs/adr/0060) take requests only once the schema has the migration their build
-- expects, which they read from Flyway's history as the runtime role: reading only, the history holds no one's data.
grant select on "${flyway:table}" to "${runtime_role}";
