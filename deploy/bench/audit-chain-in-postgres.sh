#!/usr/bin/env bash
# What the audit trail's hash chain costs a busy clinic: pgbench appends one audit row per transaction for one clinic
# (what every audited page view does) through the chain's trigger, then the same row into an unchained copy of the
# table, on as many connections as the page benchmark. The trigger locks the clinic's chain head until commit, so a
# clinic's audited views queue behind one another; the two figures show how much (docs/adr/0047).
#
#   deploy/bench/audit-chain-in-postgres.sh [connections (50)] [seconds (15)] [runs (2)]
#
# Starts a throwaway PostgreSQL with the app's migrations and the demo clinics (BENCH_WORK, default
# /tmp/backline-audit-chain; port BENCH_AUDIT_PG_PORT, default 55432) and stops it at the end. About a minute.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
db=$here/../../src/main/resources/db
work=${BENCH_WORK:-/tmp/backline-audit-chain}
pg_port=${BENCH_AUDIT_PG_PORT:-55432}
connections=${1:-50}
seconds=${2:-15}
runs=${3:-2}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_su() { "$pg_bin/psql" -X -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

rm -rf "$work" && mkdir -p "$work" && chmod 777 "$work"
as_pg "$pg_bin/initdb" -D "$work/data" -U postgres --auth=trust >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/data" -l "$work/pg.log" -w -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1 \
  -c max_connections=120" start >/dev/null
trap 'as_pg "$pg_bin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true' EXIT

psql_su -c "create role backline_app login password 'bench'" -c "create database backline" >/dev/null
# Flyway's placeholders, filled as dev mode fills them; the history table's grant has no table here.
for migration in $(ls "$db"/migration/V*.sql | sort -V); do
  sed -e 's/\${runtime_role}/backline_app/g' -e 's/\${runtime_password}/bench/g' -e '/flyway:table/d' "$migration" \
    | psql_su -d backline >/dev/null
done
psql_su -d backline -f "$db/demo/R__demo_clinics.sql" >/dev/null
psql_su -d backline -c "create table audit_unchained (like audit_event including defaults)" >/dev/null

columns="clinic_id, subject_kind, actor_user_id, actor_name, action, detail, request_id"
values="'rose-city', 'clinic', gen_random_uuid(), 'Jonas Reyes', 'viewed dashboard', 'page 1', 'bench'"
echo "insert into audit_event (id, $columns) values (gen_random_uuid(), $values);" > "$work/chained.sql"
# The copy has the chain's NOT NULL columns but no trigger to fill them.
echo "insert into audit_unchained (id, seq, row_hash, $columns) values (gen_random_uuid(), 0, '\\x00', $values);" \
  > "$work/unchained.sql"
chmod 644 "$work"/*.sql

echo "| run | table | appends/s | average latency (ms) |"
echo "| --- | --- | --: | --: |"
for run in $(seq 1 "$runs"); do
  for table in chained unchained; do
    out=$("$pg_bin/pgbench" -n -h 127.0.0.1 -p "$pg_port" -U postgres -c "$connections" -j 2 -T "$seconds" \
      -f "$work/$table.sql" backline 2>&1)
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out")
    latency=$(sed -n 's/^latency average = \([0-9.]*\).*/\1/p' <<<"$out")
    printf '| %s | %s | %.0f | %.1f |\n' "$run" "$table" "$tps" "$latency"
  done
done
