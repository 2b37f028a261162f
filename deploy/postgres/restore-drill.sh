#!/usr/bin/env bash
# The restore drill: a base backup and archived WAL taken while check-offs are written, restored to a point in time
# into a new data directory; the restored database must hold exactly what the source had committed at that moment.
#
#   deploy/postgres/restore-drill.sh        about 10 s; exits non-zero if a check fails
#
# With Debian's PostgreSQL binaries (/usr/lib/postgresql/*/bin; as root it installs the package with apt-get when
# missing and runs the server as the postgres user), in order:
#   1. starts a throwaway source cluster with WAL archiving to a local folder (archive_command), the two roles of
#      production (docs/adr/0035), Backline's migrations applied in order with Flyway's placeholders filled, the demo
#      clinics, and one assignment per demo client;
#   2. starts writers that check off sessions (inserts into session_log, a transaction each) and keeps them going;
#   3. takes a base backup with pg_basebackup (its WAL from the archive, as a backup in object storage has it);
#   4. notes a recovery target time and the check-offs committed by then (commit timestamps are tracked), keeps
#      writing, then stops the writers and the source;
#   5. restores the backup into a new data directory with restore_command and recovery_target_time, lets it promote,
#      and compares: the same check-offs as the source at the target (count and ids), none committed after it.
# The same steps as a CloudNativePG point-in-time recovery (docs/operations.md, "Backups and restore"), with cp for barman-cloud.
# Files under $DRILL_WORK (default /tmp/backline-restore-drill); port $DRILL_PG_PORT (default 55442) and the next.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
db=$here/../../src/main/resources/db
work=${DRILL_WORK:-/tmp/backline-restore-drill}
source_port=${DRILL_PG_PORT:-55442}
restore_port=$((source_port + 1))
writers=${DRILL_WRITERS:-4}
started=$(date +%s)
say() { printf '== %s (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }
failures=()
fail() { echo "FAILED: $*" >&2; failures+=("$*"); }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/pg_basebackup" ]; then
  if [ "$(id -u)" != 0 ]; then echo "Install Debian's postgresql package first." >&2; exit 1; fi
  say "installing postgresql (apt-get)"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >/dev/null
  # Debian starts its own cluster; the drill brings its own.
  service postgresql stop >/dev/null 2>&1 || true
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
# PostgreSQL refuses to run as root: as root, the server and the files it owns belong to the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_at() { # port database user, then psql arguments
  local port=$1 database=$2 user=$3; shift 3
  PGOPTIONS='-c client_min_messages=warning' "$pg_bin/psql" -X -h 127.0.0.1 -p "$port" -U "$user" -d "$database" -v ON_ERROR_STOP=1 -qAt "$@"
}
source_sql() { psql_at "$source_port" backline postgres "$@"; }
restored_sql() { psql_at "$restore_port" backline postgres "$@"; }

for port in "$source_port" "$restore_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is taken; set DRILL_PG_PORT to a free one (it uses that port and the next)." >&2; exit 1
  fi
done
if [ -e "$work" ] && [ ! -f "$work/.backline-restore-drill" ]; then
  echo "$work exists and is not a folder this script made; set DRILL_WORK to another path." >&2; exit 1
fi
rm -rf "$work"
mkdir -p "$work"
touch "$work/.backline-restore-drill"
[ "$(id -u)" = 0 ] && chown postgres "$work"
as_pg mkdir "$work/archive"

writer_pids=()
cleanup() {
  set +e
  for pid in "${writer_pids[@]}"; do kill "$pid" 2>/dev/null; done
  for data in source restored; do
    [ -f "$work/$data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/$data" -m immediate stop >/dev/null 2>&1
  done
  wait 2>/dev/null
}
trap cleanup EXIT

# ---- 1. the source -------------------------------------------------------------------------------------------------
say "source cluster on $source_port ($pg_bin), WAL archived to $work/archive"
as_pg "$pg_bin/initdb" -D "$work/source" -U postgres -A trust --no-sync >"$work/initdb.log"
# archive_command as the PostgreSQL manual writes it: never overwrite a segment already archived.
# track_commit_timestamp: the drill reads each row's commit time, the moment recovery_target_time compares with.
cat >>"$work/source/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $source_port
unix_socket_directories = '$work'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $work/archive/%f && cp %p $work/archive/%f'
track_commit_timestamp = on
log_error_verbosity = terse
EOF
as_pg "$pg_bin/pg_ctl" -D "$work/source" -l "$work/source.log" -w start >/dev/null

# As production (docs/adr/0035, postgres/create-roles.sh): the owner migrates, the runtime role gets data rights
# from the migrations, the superuser makes the roles and the extensions.
psql_at "$source_port" postgres postgres -c "create role backline login" -c "create role backline_app login" \
  -c "create database backline owner backline"
for extension in $(grep -ohiE 'create extension if not exists [a-z_]+' "$db"/migration/*.sql | awk '{print $NF}' | sort -u); do
  source_sql -c "create extension if not exists $extension"
done
# Flyway's history table (a stand-in with the columns the drill needs), so V16's grant finds it.
psql_at "$source_port" backline backline -c "create table flyway_schema_history (version varchar(50) primary key, script varchar(1000) not null)"
migrations=0
for migration in $(ls "$db"/migration/V*__*.sql | sort -V); do
  file=$(basename "$migration")
  version=${file%%__*}
  { sed -e 's/\${runtime_role}/backline_app/g' -e 's/\${flyway:table}/flyway_schema_history/g' "$migration"
    echo "insert into flyway_schema_history values ('${version#V}', '$file');"
  } | psql_at "$source_port" backline backline --single-transaction -f - >/dev/null
  migrations=$((migrations + 1))
done
psql_at "$source_port" backline backline -f "$db/demo/R__demo_clinics.sql" >/dev/null
# One program per clinic and one assignment per demo client, as a trainer's assign form would leave them.
psql_at "$source_port" backline backline >/dev/null <<'SQL'
insert into program (id, clinic_id, built_in_key) select gen_random_uuid(), id, 'restore-drill' from clinic;
insert into program_version (id, clinic_id, program_id, version, title, summary, purpose, region_rule, steps, cues,
                             hold_guidance, stop_rule, when_to_see_professional, disclaimer, level_names, level_hints,
                             min_hold_seconds, max_hold_seconds)
select gen_random_uuid(), clinic_id, id, 1, 'Drill', 'Drill', '', '', '', '', '', '', '', '', '', '', 30, 120 from program;
insert into assignment (id, clinic_id, client_id, program_id, program_version_id, status, request_key, created_by)
select gen_random_uuid(), c.clinic_id, c.id, p.id, v.id, 'ACTIVE', gen_random_uuid(), t.staff_member_id
from client c
join program p on p.clinic_id = c.clinic_id
join program_version v on v.program_id = p.id
join care_team_member t on t.client_id = c.id and t.lead;
SQL
assignments=$(source_sql -c "select count(*) from assignment")
echo "$migrations migrations applied as the owner, $assignments assignments"
[ "$assignments" -gt 0 ] || { echo "no assignment to check off" >&2; exit 1; }

# ---- 2. check-offs while the backup runs -----------------------------------------------------------------------------
# Each writer checks off one assignment's sessions, one past day after another, one transaction each (the API
# commits a check-off on its own), as the app's runtime role, until the drill stops it.
say "$writers writers checking off sessions"
writer() { # n
  psql_at "$source_port" backline backline_app >"$work/writer$1.log" 2>&1 <<SQL
do \$\$
declare
    a record;
    day integer := 0;
begin
    select id, clinic_id, client_id into a from assignment order by id offset $1 % $assignments limit 1;
    loop
        day := day + 1;
        insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds, discomfort,
                                 feeling, note, idempotency_key)
        values (gen_random_uuid(), a.clinic_id, a.id, a.client_id, date '2000-01-01' + day * $writers + $1,
                array[60, 60, 60], 2, 'GOOD', 'restore drill', gen_random_uuid());
        commit;
        perform pg_sleep(0.002);
    end loop;
end
\$\$;
SQL
}
for n in $(seq 0 $((writers - 1))); do
  writer "$n" &
  writer_pids+=($!)
done
rows() { source_sql -c "select count(*) from session_log"; }
until [ "$(rows)" -gt 100 ]; do sleep 0.2; done

# ---- 3. the base backup ------------------------------------------------------------------------------------------------
# No WAL in the backup itself (-X none): it waits until the WAL it needs is archived, and the restore reads it from
# the archive, as a restore from object storage does.
say "base backup with pg_basebackup while $(rows) check-offs are stored and more are written"
as_pg "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$source_port" -U postgres -D "$work/base" -X none -c fast --no-sync \
  2>"$work/basebackup.log" || { cat "$work/basebackup.log"; exit 1; }
backup_end=$(source_sql -c "select clock_timestamp()")
echo "backup done at $backup_end: $(rows) check-offs stored"

# ---- 4. the recovery target ------------------------------------------------------------------------------------------------
sleep 2
target=$(source_sql -c "select clock_timestamp()")
sleep 2
say "stopping the writers"
for pid in "${writer_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
source_sql -c "select pg_terminate_backend(pid) from pg_stat_activity where usename = 'backline_app'" >/dev/null
wait "${writer_pids[@]}" 2>/dev/null || true
writer_pids=()
# What the source had committed at the target, and after it, by each row's commit time.
committed_by_target() { echo "select $1 from session_log where pg_xact_commit_timestamp(xmin) <= '$target'"; }
expected_count=$(source_sql -c "$(committed_by_target 'count(*)')")
expected_ids=$(source_sql -c "$(committed_by_target "md5(coalesce(string_agg(id::text, ',' order by id), ''))")")
expected_versions=$(source_sql -c "select string_agg(version, ',' order by version::int) from flyway_schema_history")
source_sql -c "\copy (select id from session_log where pg_xact_commit_timestamp(xmin) > '$target') to '$work/after-target.txt'"
after_count=$(wc -l <"$work/after-target.txt")
total=$(rows)
echo "target $target: $expected_count check-offs committed by then, $after_count after it ($total in all)"
[ "$after_count" -gt 0 ] || fail "no check-off was committed after the target; the drill proves nothing"
[ "$expected_count" -gt 0 ] || fail "no check-off was committed before the target"
# The last segment goes to the archive too, so recovery finds a commit after the target to stop at.
last_segment=$(source_sql -c "select pg_walfile_name(pg_switch_wal())")
for _ in $(seq 1 100); do
  [ "$(source_sql -c "select coalesce(last_archived_wal >= '$last_segment', false) from pg_stat_archiver")" = t ] && break
  sleep 0.1
done
as_pg "$pg_bin/pg_ctl" -D "$work/source" -m fast stop >/dev/null
echo "source stopped; archive holds $(ls "$work/archive" | grep -c '^[0-9A-F]\{24\}$') WAL segments"

# ---- 5. point-in-time recovery into a new data directory -------------------------------------------------------------------
say "restoring the base backup into $work/restored to $target"
as_pg cp -a "$work/base" "$work/restored"
# The restored server must not archive into the source's archive (a promoted copy starts a new timeline there).
cat <<EOF | as_pg tee -a "$work/restored/postgresql.conf" >/dev/null
port = $restore_port
archive_mode = off
restore_command = 'cp $work/archive/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
EOF
as_pg touch "$work/restored/recovery.signal"
as_pg "$pg_bin/pg_ctl" -D "$work/restored" -l "$work/restored.log" -w -t 60 start >/dev/null \
  || { tail -n 20 "$work/restored.log"; exit 1; }
promoted=
for _ in $(seq 1 300); do
  if [ "$(restored_sql -c "select pg_is_in_recovery()" 2>/dev/null)" = f ]; then promoted=1; break; fi
  [ -f "$work/restored/postmaster.pid" ] || break
  sleep 0.1
done
[ -n "$promoted" ] || { tail -n 20 "$work/restored.log"; echo "the restored cluster did not promote" >&2; exit 1; }
grep -o 'recovery stopping before .*' "$work/restored.log" || true
restored_count=$(restored_sql -c "select count(*) from session_log")
restored_ids=$(restored_sql -c "select md5(coalesce(string_agg(id::text, ',' order by id), '')) from session_log")
restored_versions=$(restored_sql -c "select string_agg(version, ',' order by version::int) from flyway_schema_history")
restored_sql -c "create temporary table after_target (id uuid)" -c "\copy after_target from '$work/after-target.txt'" \
  -c "select count(*) from session_log s join after_target a using (id)" >"$work/after-target-restored.txt"
restored_after=$(tail -n 1 "$work/after-target-restored.txt")
# The restored database is one the app could run on: its runtime role still has its rights.
app_can_write=$(restored_sql -c "select has_table_privilege('backline_app', 'session_log', 'insert')")

echo "restored: $restored_count check-offs (source at the target: $expected_count), of the $after_count committed after the target: $restored_after"
[ "$restored_count" = "$expected_count" ] || fail "restored $restored_count check-offs, the source had $expected_count at the target"
[ "$restored_ids" = "$expected_ids" ] || fail "the restored check-offs are not the ones the source had at the target"
[ "$restored_after" = 0 ] || fail "$restored_after check-offs committed after the target were restored"
[ "$restored_versions" = "$expected_versions" ] || fail "restored schema versions $restored_versions, source $expected_versions"
[ "$app_can_write" = t ] || fail "the runtime role lost its rights in the restore"

echo "restore drill took $(( $(date +%s) - started )) s; files in $work"
if [ ${#failures[@]} -gt 0 ]; then
  printf 'restore drill: %s check(s) failed\n' "${#failures[@]}"
  exit 1
fi
echo "restore drill: the restored database matches the source at $target"
