#!/bin/bash
# compose's db service runs this once, on an empty volume (the postgres image's /docker-entrypoint-initdb.d), as the
# container's superuser. Backline's two roles (docs/adr/0035): the owner, whom Flyway migrates as, and the runtime
# role the app signs in as; the migrations grant the runtime role its rights. Neither is a superuser.
set -eo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_password="$BACKLINE_DB_OWNER_PASSWORD" -v runtime_password="$BACKLINE_DB_PASSWORD" <<'SQL'
create role backline login password :'owner_password';
create role backline_app login password :'runtime_password';
alter database backline owner to backline;
-- earthdistance is not a trusted extension, so the owner cannot create the migrations' extensions itself.
create extension if not exists pg_trgm;
create extension if not exists cube;
create extension if not exists earthdistance;
SQL
