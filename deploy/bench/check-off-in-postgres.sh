#!/usr/bin/env bash
# The check-off's SQL without the app: pgbench sends what one check-off sends PostgreSQL (check-off.pgbench.sql) for
# the benchmark's 64 check-off clients, on as many connections as the app's pool, and the database's CPU per
# check-off is the machine's busy time less pgbench's own (nothing else may run). It answers whether the check-off
# target can be met on this machine at all: at 1,000 check-offs a second the database alone needs this many ms x 1,000
# of the two cores' 2,000 ms a second.
#
#   deploy/bench/check-off-in-postgres.sh [connections (8)] [seconds (20)] [runs (3)]
#
# Run it after deploy/bench/run.sh, whose database it uses (started and stopped here unless it is running: run.sh calls
# it itself, with the app stopped; BENCH_WORK, BENCH_PG_PORT as there). The sessions it adds lie after 2100-01-01 and
# are deleted at the end, with their audit rows. About a minute and a half.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
work=${BENCH_WORK:-/tmp/backline-bench}
pg_port=${BENCH_PG_PORT:-56432}
connections=${1:-8}
seconds=${2:-20}
runs=${3:-3}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_su() { "$pg_bin/psql" -X -h 127.0.0.1 -p "$pg_port" -U postgres -d backline -v ON_ERROR_STOP=1 -qAt "$@"; }

for tool in /usr/bin/time "$pg_bin/pgbench"; do
  [ -x "$tool" ] || { echo "needs $tool (Debian packages time and postgresql-$(basename "$(dirname "$pg_bin")"))" >&2; exit 1; }
done
[ -d "$work/pg/data" ] || { echo "no benchmark database in $work/pg: run deploy/bench/run.sh first" >&2; exit 1; }
started_here=
if ! "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
  as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/check-off-in-postgres.log" -w -o "-p $pg_port -k /tmp \
    -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=512MB" start >/dev/null
  started_here=1
fi
cleanup() {
  set +e
  # As a replica would: no foreign-key checks (no flag points at these rows, and symptom_flag.session_id has no
  # index, so each deleted row would scan the flags), no history-version trigger, no append-only audit trigger.
  psql_su -c "set session_replication_role = replica" \
    -c "delete from session_log where performed_on >= date '2100-01-01'" \
    -c "delete from audit_view_pending where actor_name = 'Bench client' and detail >= '2100'" \
    -c "drop table if exists bench_check_off_client"
  [ -n "$started_here" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null
}
trap cleanup EXIT
psql_su -c "drop table if exists bench_check_off_client" -c "
  create table bench_check_off_client as
  select row_number() over (order by c.email) as n, a.id as assignment_id, c.id as client_id, c.user_id
  from client c join assignment a on a.client_id = c.id and a.status = 'ACTIVE'
  where c.clinic_id = 'cedar-hills' and c.full_name like 'Bench %'" -c "analyze bench_check_off_client"
[ "$(psql_su -c 'select count(*) from bench_check_off_client')" = 64 ] || { echo "expected the benchmark's 64 check-off clients" >&2; exit 1; }

busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
clk=$(getconf CLK_TCK)
for run in $(seq 1 "$runs"); do
  b0=$(busy)
  /usr/bin/time -f "%U %S" -o "$work/out/pgbench.time" "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -n \
    -M prepared -c "$connections" -j 2 -T "$seconds" -f "$here/check-off.pgbench.sql" backline >"$work/out/pgbench.txt" 2>&1 \
    || { tail -n 20 "$work/out/pgbench.txt" >&2; exit 1; }
  b1=$(busy)
  read -r user sys < <(tail -1 "$work/out/pgbench.time")
  done_tx=$(awk '/number of transactions actually processed/ {split($NF, a, "/"); print a[1]}' "$work/out/pgbench.txt")
  failed=$(awk '/number of failed transactions/ {print $5}' "$work/out/pgbench.txt")
  awk -v run="$run" -v c="$connections" -v tx="$done_tx" -v failed="${failed:-0}" -v b="$(( b1 - b0 ))" -v clk="$clk" \
      -v own="$user" -v own_sys="$sys" -v s="$seconds" 'BEGIN {
    own += own_sys
    db = (b / clk - own) * 1000 / tx
    printf "run %d: %d connections, %.0f check-offs/s, %s failed; PostgreSQL CPU %.2f ms per check-off (pgbench %.2f ms)\n",
      run, c, tx / s, failed, db, own * 1000 / tx }'
done
