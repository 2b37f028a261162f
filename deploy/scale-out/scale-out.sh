#!/usr/bin/env bash
# Two Backline instances behind nginx on this machine, no Docker: the proof that the app scales out.
#
#   deploy/scale-out/scale-out.sh          full run (75 s of load), prints the figures for deploy/README.md
#   deploy/scale-out/scale-out.sh --ci     shorter load; the same checks; exits non-zero if any check fails
#   SCALE_OUT_SOURCE=head ...              build the last commit instead of the work tree
#
# What it does, in order:
#   1. builds the production jar (-Dproduction: no embedded database) from a copy of the work tree;
#   2. starts one PostgreSQL (Debian's binaries), one Keycloak (reuses the one on 8180 if it answers, else starts
#      deploy/keycloak/dev-keycloak.sh), one SMTP catcher (GreenMail standalone, from Maven Central);
#   3. starts two app instances AT THE SAME TIME on an empty database (prod profile, as pods run: no migration, no
#      owner password), checks they live but are not ready, then runs the migration step as the Kubernetes Job does
#      (QUARKUS_INIT_AND_EXIT) and checks that it migrated the schema once and that both instances then get ready;
#   4. starts nginx (Debian) in front with round robin, signs in once through the Keycloak login pages and shows the
#      same session cookie served by both instances;
#   5. loads the check-off API through nginx, kills one instance (kill -9) in the middle, checks its process is gone,
#      restarts it, compares the check-offs acknowledged with those stored, and checks that only requests in flight on
#      the killed instance failed and that the restarted instance (a new process, its own name) serves again;
#   6. queues alert emails in the outbox while both instances run and checks that each alert is mailed exactly once.
#
# Ports (override with the variables): nginx 8090 (a redirect URI the dev realm allows), app 9081 and 9082,
# PostgreSQL 55432, SMTP 4025, GreenMail API 4080, Keycloak 8180. Needs JDK 21+, curl, jq, nginx and PostgreSQL
# server binaries; as root it installs the missing Debian packages with apt-get.
# Everything it starts is stopped when it ends; its files are under $SCALE_OUT_WORK (default /tmp/backline-scale-out).
set -euo pipefail

mode=full
[ "${1:-}" = "--ci" ] && mode=ci
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${SCALE_OUT_WORK:-/tmp/backline-scale-out}
lb_port=${LB_PORT:-8090}
app_ports=(${APP1_PORT:-9081} ${APP2_PORT:-9082})
# Health answers on each instance's management port (production profile).
management_ports=(${APP1_MANAGEMENT_PORT:-9091} ${APP2_MANAGEMENT_PORT:-9092})
pg_port=${PG_PORT:-55432}
smtp_port=${SMTP_PORT:-4025}
mail_api_port=${MAIL_API_PORT:-4080}
kc_port=${KEYCLOAK_PORT:-8180}
kc_url="http://localhost:$kc_port"
if [ "$mode" = ci ]; then load_seconds=${LOAD_SECONDS:-20}; kill_at=${KILL_AT:-7}; else load_seconds=${LOAD_SECONDS:-75}; kill_at=${KILL_AT:-15}; fi
workers=${LOAD_WORKERS:-16}
alerts=${ALERTS:-300}

if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
started=$(date +%s)
say() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }
fail() { echo "FAILED: $*" >&2; failures+=("$*"); }
failures=()

# ---- 0. tools -------------------------------------------------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v curl >/dev/null 2>&1 || missing+=(curl)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "Install first: ${missing[*]}" >&2; exit 1; fi
  say "installing ${missing[*]} (apt-get)"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts the packaged services; this run brings its own.
  service nginx stop >/dev/null 2>&1 || true
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

# ---- clean-up: stop what this run started, by pid ---------------------------------------------------------------
pids=()
cleanup() {
  set +e
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null
  [ -f "$work/pg/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1
  [ -n "${kc_started:-}" ] && bash "$work/src/deploy/keycloak/dev-keycloak.sh" stop "$kc_home" >/dev/null 2>&1
  wait 2>/dev/null
}
trap cleanup EXIT
# PostgreSQL refuses to run as root: run it as the postgres user when this script runs as root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# Production refuses database passwords shorter than 32 bytes (config/ProductionSecrets).
db_owner_password=scale-out-owner-password-0123456789abcdef
db_runtime_password=scale-out-runtime-password-0123456789abcdef
psql_owner() { PGPASSWORD="$db_owner_password" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U backline -d backline -v ON_ERROR_STOP=1 -qAt "$@"; }
for port in "$lb_port" "${app_ports[@]}" "${management_ports[@]}" "$pg_port" "$smtp_port" "$mail_api_port"; do
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" || (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is taken; stop what runs there or choose other ports (see the top of this script)." >&2; exit 1
  fi
done

# ---- 1. build ---------------------------------------------------------------------------------------------------
say "building the production jar from a copy of $repo"
if [ -e "$work" ] && [ ! -f "$work/.backline-scale-out" ]; then
  echo "$work exists and is not a folder this script made; set SCALE_OUT_WORK to another path." >&2; exit 1
fi
rm -rf "$work"
mkdir -p "$work/src" "$work/logs" "$work/out"
touch "$work/.backline-scale-out"
if [ "${SCALE_OUT_SOURCE:-worktree}" = head ]; then
  # The last commit instead of the work tree (while someone is half-way through an edit).
  git -C "$repo" archive HEAD | tar -C "$work/src" -xf -
else
  tar -C "$repo" --exclude=./target --exclude=./.dev-data --exclude=./.git -cf - . | tar -C "$work/src" -xf -
fi
build_start=$(date +%s)
(cd "$work/src" && { ./mvnw -o -q package -DskipTests -Dmaven.test.skip=true -Dproduction >"$work/logs/build.log" 2>&1 \
  || ./mvnw -q package -DskipTests -Dmaven.test.skip=true -Dproduction >"$work/logs/build.log" 2>&1; }) \
  || { tail -n 40 "$work/logs/build.log"; exit 1; }
jar="$work/src/target/quarkus-app/quarkus-run.jar"
echo "built $jar in $(( $(date +%s) - build_start )) s"

# ---- 2. PostgreSQL, Keycloak, SMTP --------------------------------------------------------------------------------
say "PostgreSQL on $pg_port ($pg_bin)"
mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
as_pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust --no-sync >"$work/logs/initdb.log"
as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/postgres.log" -w \
  -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
# As in production (docs/adr/0035): Flyway migrates as the database's owner, the app signs in as a role with data
# rights only, which the migrations grant; neither is a superuser.
"$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create role backline login password '$db_owner_password'" \
  -c "create role backline_app login password '$db_runtime_password'" -c "create database backline owner backline"
# As a DBA would: the extensions the migrations use, created by the superuser (the owner is not one, and
# earthdistance is not a trusted extension).
for extension in $(grep -ohiE 'create extension if not exists [a-z_]+' "$work/src/src/main/resources/db/migration/"*.sql | awk '{print $NF}'); do
  "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d backline -qc "create extension if not exists $extension"
done

kc_home="$work/src/target/keycloak-26.7.3"
if curl -sf -o /dev/null --max-time 2 "$kc_url/realms/backline/.well-known/openid-configuration"; then
  say "Keycloak answers on $kc_port: reusing it"
else
  say "starting Keycloak on $kc_port"
  KEYCLOAK_PORT=$kc_port bash "$work/src/deploy/keycloak/dev-keycloak.sh" start "$kc_home" "${KEYCLOAK_OWNER_PID:-$$}"
  [ -z "${KEYCLOAK_OWNER_PID:-}" ] && kc_started=1
fi

say "GreenMail SMTP on $smtp_port (API on $mail_api_port)"
(cd "$work/src" && ./mvnw -o -q dependency:copy -Dartifact=com.icegreen:greenmail-standalone:2.1.13 \
  -DoutputDirectory="$work/lib" >/dev/null 2>&1 || ./mvnw -q dependency:copy \
  -Dartifact=com.icegreen:greenmail-standalone:2.1.13 -DoutputDirectory="$work/lib" >/dev/null)
"$java" -Xmx128m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp_port" \
  -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$mail_api_port" -Dgreenmail.auth.disabled \
  -jar "$work/lib/greenmail-standalone-2.1.13.jar" >"$work/logs/greenmail.log" 2>&1 &
pids+=($!)

# ---- 3. two instances at once -------------------------------------------------------------------------------------
# The production profile with the variables production sets (and the dev realm's client secrets). The outbox is
# polled every second instead of every 5 s, so the run is short.
export BACKLINE_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/backline" BACKLINE_DB_USER=backline_app BACKLINE_DB_PASSWORD="$db_runtime_password"
# Instances neither migrate nor hold the owner's password (docs/adr/0060); migrate() below is the migration step.
export QUARKUS_FLYWAY_ACTIVE=false
export BACKLINE_KEYCLOAK_URL="$kc_url" BACKLINE_OIDC_CLIENT_SECRET=backline-web-dev-secret-not-for-production
export BACKLINE_KEYCLOAK_ADMIN_SECRET=backline-admin-dev-secret-not-for-production
export BACKLINE_SESSION_SECRET=scale-out-session-secret-shared-by-every-instance
export BACKLINE_STATE_SECRET=scale-out-state-secret-shared-by-every-instance-0
export BACKLINE_LINK_SECRET=scale-out-link-secret-shared-by-every-instance-0
export BACKLINE_UNSUBSCRIBE_SECRET=scale-out-unsubscribe-secret-shared-by-every-instance
export BACKLINE_SMTP_HOST=127.0.0.1 BACKLINE_SMTP_PORT="$smtp_port" BACKLINE_SMTP_STARTTLS=DISABLED
export BACKLINE_BASE_URL="http://localhost:$lb_port"
# The code flow's state cookie (PKCE verifier, nonce) must be readable by whichever instance gets Keycloak's
# callback, so every instance gets the same state secret (BACKLINE_STATE_SECRET). STATE_SECRET_OPTION can give an
# instance its own, to see the sign-in fail when the callback lands on the other one.
state_secret_option=${STATE_SECRET_OPTION-}
# Each instance names itself in every response (Quarkus's own header configuration, deploy/README.md): instance-1,
# instance-2, and instance-1-restarted once instance 1 runs again after the kill.
instance_header() { echo "-Dquarkus.http.header.\"X-Backline-Instance\".value=$1"; }
start_instance() { # index
  local i=$1 port=${app_ports[$1]}
  "$java" -Xmx384m -Dquarkus.http.port="$port" -Dquarkus.management.port="${management_ports[$1]}" -Dbackline.alerts.every=1s -Dquarkus.mailer.from="Backline instance $((i + 1)) <instance$((i + 1))@backline.example>" \
    "$(instance_header "instance-$((i + 1))")" ${state_secret_option} -jar "$jar" >>"$work/logs/app$((i + 1)).log" 2>&1 &
  app_pid[$i]=$!
  pids+=($!)
}
wait_ready() { # port seconds [path]: an instance's management port, or nginx with a public page
  for _ in $(seq 1 "$2"); do
    curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$1${3:-/q/health/ready}" && return 0
    sleep 0.5
  done
  return 1
}
say "starting two instances at the same moment on ${app_ports[*]} (empty database, no migration)"
t_start=$(date +%s%N)
start_instance 0
start_instance 1
wait_live() { # index, seconds
  for _ in $(seq 1 "$2"); do
    kill -0 "${app_pid[$1]}" 2>/dev/null || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${management_ports[$1]}/q/health/live")" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}
for i in 0 1; do
  wait_live "$i" 180 || { tail -n 30 "$work/logs/app$((i + 1)).log"; echo "instance $((i + 1)) did not start" >&2; exit 1; }
  code=$(curl -s -o "$work/out/ready-before-$i.json" -w '%{http_code}' "http://127.0.0.1:${management_ports[$i]}/q/health/ready")
  [ "$code" = 503 ] && jq -e '.checks[] | select(.name == "Database schema" and .status == "DOWN")' "$work/out/ready-before-$i.json" >/dev/null \
    || fail "instance $((i + 1)) on an unmigrated database answered /q/health/ready with $code: $(cat "$work/out/ready-before-$i.json")"
done
echo "both started after $(( ($(date +%s%N) - t_start) / 1000000 )) ms, neither ready (no schema yet)"
say "the migration step, as the Kubernetes Job runs it"
t_migrate=$(date +%s%N)
env -u QUARKUS_FLYWAY_ACTIVE QUARKUS_INIT_AND_EXIT=true BACKLINE_DB_OWNER_USER=backline BACKLINE_DB_OWNER_PASSWORD="$db_owner_password" \
  "$java" -Xmx384m -Dquarkus.http.port=9089 -Dquarkus.management.port=9099 -jar "$jar" >"$work/logs/migrate.log" 2>&1 \
  || { tail -n 30 "$work/logs/migrate.log"; echo "the migration step failed" >&2; exit 1; }
migrate_ms=$(( ($(date +%s%N) - t_migrate) / 1000000 ))
for i in 0 1; do
  wait_ready "${management_ports[$i]}" 60 || { tail -n 30 "$work/logs/app$((i + 1)).log"; echo "instance $((i + 1)) did not get ready after the migration" >&2; exit 1; }
done
echo "migrated in $migrate_ms ms (the step exited by itself); both ready $(( ($(date +%s%N) - t_migrate) / 1000000 )) ms after it began"
# The probes deploy/kubernetes uses.
for probe in started live ready; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${management_ports[1]}/q/health/$probe")
  [ "$code" = 200 ] || fail "/q/health/$probe answered $code"
done
migrated=() ; for log in migrate app1 app2; do migrated+=("$(grep -c 'Migrating schema' "$work/logs/$log.log" || true)"); done
dupes=$(psql_owner -c "select count(*) from (select version from flyway_schema_history where version is not null group by version having count(*) > 1) d")
versions=$(psql_owner -c "select string_agg(version, ',' order by installed_rank) from flyway_schema_history where version is not null")
failed_migrations=$(psql_owner -c "select count(*) from flyway_schema_history where not success")
echo "migrations logged by the step: ${migrated[0]}, by instance 1: ${migrated[1]}, by instance 2: ${migrated[2]}; schema history: versions $versions, duplicates $dupes, failed $failed_migrations"
[ "$dupes" = 0 ] && [ "$failed_migrations" = 0 ] || fail "Flyway applied a migration twice or failed one"
[ "${migrated[1]}" = 0 ] && [ "${migrated[2]}" = 0 ] || fail "an instance migrated"
# Every versioned migration of the build applied, by the step.
expected=$(ls "$work/src/src/main/resources/db/migration/" | sed -n 's/^V\([0-9]*\)__.*/\1/p' | sort -n | paste -sd, -)
[ "$versions" = "$expected" ] || fail "schema history has versions $versions, the build has $expected"
flyway_line="two instances started at once on an empty database, live but not ready; the migration step applied versions $versions once each in $migrate_ms ms (the instances ran none), and both were ready once it had"

# ---- 4. nginx, one sign-in, both instances -------------------------------------------------------------------------
say "nginx on $lb_port, round robin over ${app_ports[*]}"
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
$( [ "$(id -u)" = 0 ] && echo "user root;" )
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  log_format upstream '\$time_iso8601 "\$request" \$status \$upstream_addr \$upstream_status \$request_time';
  access_log $work/nginx/access.log upstream;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream backline {
    # Round robin (nginx's default). A refused connection marks the instance down for 2 s.
    server 127.0.0.1:${app_ports[0]} max_fails=1 fail_timeout=2s;
    server 127.0.0.1:${app_ports[1]} max_fails=1 fail_timeout=2s;
  }
  server {
    listen 127.0.0.1:$lb_port;
    location / {
      proxy_pass http://backline;
      # A request that could not reach an instance goes to the other one. A POST that already reached an
      # instance is never sent twice by nginx (no non_idempotent): the client retries with its idempotency key.
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Request-Id \$request_id;
      proxy_buffer_size 16k;
      proxy_buffers 8 16k;
      # Which instance answered: shown to the script, not needed by the app.
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
EOF
"$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx" -g 'daemon on;' 2>>"$work/logs/nginx.log"
lb="http://localhost:$lb_port"
wait_ready "$lb_port" 20 /signed-out || { echo "nginx does not answer" >&2; exit 1; } # health is not public

# Signs in through nginx the way a browser does: the app sends us to Keycloak, which asks for the username, then the
# password, and sends the code back to the app, which sets its encrypted session cookie (q_session).
unescape() { sed -e 's/&amp;/\&/g'; }
form_action() { grep -o '<form[^>]*action="[^"]*"' "$1" | head -n 1 | sed -e 's/.*action="//' -e 's/"$//' | unescape; }
sign_in() { # username cookie-jar first-page
  local user=$1 jar=$2 page=$3 action
  curl -s -c "$jar" -b "$jar" -L -o "$jar.1.html" "$lb$page"
  action=$(form_action "$jar.1.html")
  [ -n "$action" ] || { echo "no Keycloak login form"; return; }
  curl -s -c "$jar" -b "$jar" -L -o "$jar.2.html" --data-urlencode "username=$user" "$action"
  grep -q 'name="password"' "$jar.2.html" || { echo "no password page"; return; }
  action=$(form_action "$jar.2.html")
  curl -s -c "$jar" -b "$jar" -L -o "$jar.3.html" -w '%{http_code} %{url_effective}' \
    --data-urlencode "username=$user" --data-urlencode password=backline-demo "$action"
}

say "demo clinics and people (db/demo, loaded with psql: the prod build only migrates db/migration)"
psql_owner -f "$work/src/src/main/resources/db/demo/R__demo_clinics.sql" >/dev/null

say "signing in once as rose-client1 through nginx and Keycloak's login pages"
jar_file="$work/out/cookies.txt"
final=$(sign_in rose-client1 "$jar_file" /today)
echo "after sign-in: ${final:0:120}"
# The session cookie is q_session, split into q_session_chunk_N when the tokens make it large.
session_cookie=$(awk '$6 ~ /^q_session(_chunk_1)?$/ {print substr($7, 1, 24)}' "$jar_file")
[ -n "$session_cookie" ] || fail "no q_session cookie after sign-in ($final)"
declare -A served=()
sequence=()
instance_answering() { curl -s -b "$jar_file" -o /dev/null -D - "$lb/today" | grep -i '^x-backline-instance:' | awk '{print $2}' | tr -d '\r'; }
same_session_on_both() { # prints 6 page requests made with the one session cookie; fills served[instance], sequence
  served=(); sequence=()
  # Right after an instance comes back, nginx's round robin may give the other one two requests in a row; the 6
  # requests shown start once the answering instance has changed.
  local previous="" current
  for _ in 1 2 3 4 5 6; do
    current=$(instance_answering)
    [ -n "$previous" ] && [ "$current" != "$previous" ] && break
    previous=$current
  done
  for n in 1 2 3 4 5 6; do
    headers=$(curl -s -b "$jar_file" -o "$work/out/page$n.html" -D - "$lb/today")
    status=$(head -n 1 <<<"$headers" | awk '{print $2}')
    upstream=$(grep -i '^x-upstream:' <<<"$headers" | awk '{print $2}' | tr -d '\r')
    instance=$(grep -i '^x-backline-instance:' <<<"$headers" | awk '{print $2}' | tr -d '\r')
    hello=$(grep -o '<h1>[^<]*</h1>' "$work/out/page$n.html" | sed -e 's/<[^>]*>//g' || true)
    printf '  GET /today -> %s from %s (%s): %s\n' "$status" "${instance:-no X-Backline-Instance}" "$upstream" "$hello"
    [ "$status" = 200 ] && served[${instance:-?}]=1
    sequence+=("${instance:-?}")
  done
  return 0
}
# Round robin: no two requests in a row answered by the same instance.
alternated() {
  local n
  for n in 1 2 3 4 5; do [ "${sequence[$n]}" != "${sequence[$((n - 1))]}" ] || return 1; done
}
echo "the same cookie (q_session=${session_cookie}...) on 6 page requests through nginx:"
same_session_on_both
session_line="one sign-in; /today answered 200 by ${#served[@]} instances (${!served[*]}) with the same q_session cookie"
[ -n "${served[instance-1]:-}" ] && [ -n "${served[instance-2]:-}" ] || fail "the session was not served by both instances"
alternated || fail "requests did not alternate between the instances: ${sequence[*]}"

# ---- 5. load with a kill ---------------------------------------------------------------------------------------------
say "assignments for the ten demo clients"
# Each clinic's built-in program is made the first time a trainer opens Programs (the demo clinics were added after
# the instances started, so the start-up seeding did not see them).
for trainer in rose-trainer cedar-trainer; do
  sign_in "$trainer" "$work/out/$trainer.txt" /programs >/dev/null
  grep -q 'Thoracic' "$work/out/$trainer.txt.3.html" || fail "$trainer did not see the built-in program"
done
# The assignments themselves are written with SQL (a trainer would use the assign form).
# Programs start 4,000 days ago, so every check-off of the load gets a day of its own.
psql_owner <<'SQL'
insert into assignment (id, clinic_id, client_id, program_id, program_version_id, status, request_key, created_by)
select gen_random_uuid(), c.clinic_id, c.id, p.id, v.id, 'ACTIVE', gen_random_uuid(), t.staff_member_id
from client c
join program p on p.clinic_id = c.clinic_id and p.built_in_key is not null
join lateral (select id from program_version pv where pv.program_id = p.id order by version desc limit 1) v on true
join care_team_member t on t.client_id = c.id and t.lead;
insert into prescription (id, clinic_id, assignment_id, version, hold_seconds, levels, sessions_per_week, start_date, created_by)
select gen_random_uuid(), a.clinic_id, a.id, 1, 60, 3, 3, current_date - 4000, a.created_by from assignment a;
insert into assignment_event (id, clinic_id, assignment_id, kind, actor_user_id, effective_on)
select gen_random_uuid(), a.clinic_id, a.id, 'ASSIGNED', s.user_id, current_date - 4000
from assignment a join staff_member s on s.id = a.created_by;
SQL
: >"$work/out/clients.txt"
while IFS='|' read -r username assignment; do
  token=$(curl -sf -d grant_type=password -d client_id=backline-cli -d "username=$username" -d password=backline-demo \
    -d "scope=openid organization" "$kc_url/realms/backline/protocol/openid-connect/token" | jq -r .access_token)
  echo "$token $assignment" >>"$work/out/clients.txt"
done < <(psql_owner -c "select split_part(c.email, '@', 1), a.id from assignment a join client c on c.id = a.client_id order by c.email")
echo "$(wc -l <"$work/out/clients.txt") clients with a token and an assignment"
before=$(psql_owner -c "select count(*) from session_log")

say "load: $workers workers for ${load_seconds}s through nginx; kill -9 instance 1 at ${kill_at}s, then restart it"
cat >"$work/out/restart.sh" <<EOF
cd "$work" && exec "$java" -Xmx384m -Dquarkus.http.port=${app_ports[0]} -Dquarkus.management.port=${management_ports[0]} -Dbackline.alerts.every=1s -Dquarkus.mailer.from="Backline instance 1 <instance1@backline.example>" \
  '$(instance_header instance-1-restarted)' ${state_secret_option} -jar "$jar" >>"$work/logs/app1.log" 2>&1
EOF
# The kill returns once the process is gone, and says so in killed-pid.txt; the load client times the kill to that
# moment. Gone: a zombie or no process, and its port refuses connections. A zombie alone is not enough: the main
# thread turns zombie while the kernel still tears down the others, and the sockets close only after them.
cat >"$work/out/kill.sh" <<EOF
old=\$(cat "$work/out/app1.pid")
kill -9 "\$old"
for _ in \$(seq 1 500); do
  if { [ ! -e /proc/\$old ] || grep -q '^State:[[:space:]]*Z' /proc/\$old/status 2>/dev/null; } \\
    && ! (exec 3<>/dev/tcp/127.0.0.1/${app_ports[0]}) 2>/dev/null; then
    echo "\$old" >"$work/out/killed-pid.txt"; exit 0
  fi
  sleep 0.02
done
echo "instance 1 (pid \$old) still runs 10 s after kill -9" >&2
exit 1
EOF
echo "${app_pid[0]}" >"$work/out/app1.pid"
old_pid=${app_pid[0]}
load_before=$(cut -d' ' -f1 /proc/loadavg)
"$java" "$here/CheckOffLoad.java" "$lb" "$work/out/clients.txt" "$work/out" "$load_seconds" "$workers" "$kill_at" \
  "bash $work/out/kill.sh" "bash $work/out/restart.sh & echo \$! > $work/out/app1.pid" \
  "127.0.0.1:${app_ports[0]}" | tee "$work/logs/load.log"
pids+=("$(cat "$work/out/app1.pid")")
load_after=$(cut -d' ' -f1 /proc/loadavg)
summary="$work/out/load-summary.json"
psql_owner -c "create table load_ack (k uuid primary key)"
psql_owner -c "\copy load_ack from '$work/out/acknowledged-keys.txt'"
acked=$(jq .acknowledged "$summary")
stored_acked=$(psql_owner -c "select count(*) from session_log s join load_ack a on a.k = s.idempotency_key")
stored_new=$(( $(psql_owner -c "select count(*) from session_log") - before ))
errors=$(jq .errors "$summary"); in_flight=$(jq .errors_in_flight_at_kill "$summary"); late=$(jq .errors_other "$summary")
echo "acknowledged $acked, of which stored $stored_acked; sessions the load added to the database: $stored_new"
[ "$acked" -gt 0 ] || fail "no check-off was acknowledged"
[ "$acked" = "$stored_acked" ] || fail "$((acked - stored_acked)) acknowledged check-offs are not in the database"
[ "$acked" = "$stored_new" ] || fail "the database holds $stored_new new sessions for $acked acknowledged"
[ "$late" = 0 ] || fail "$late requests failed that were not in flight on the killed instance (see $work/out/errors.txt)"
# Before the kill, round robin gave each instance a fair share (at least a third) of the acknowledged check-offs.
share() { jq --arg i "$1" '(.instances_before_kill[$i] // 0) * 3 >= ([.instances_before_kill[]] | add)' "$summary"; }
[ "$(share instance-1)" = true ] && [ "$(share instance-2)" = true ] \
  || fail "the load before the kill was not spread over both instances: $(jq -c .instances_before_kill "$summary")"
# The kill happened: the process is gone, and a new one took its place.
[ "$(cat "$work/out/killed-pid.txt" 2>/dev/null)" = "$old_pid" ] || fail "instance 1 (pid $old_pid) was not killed"
[ ! -e "/proc/$old_pid" ] || grep -q '^State:[[:space:]]*Z' "/proc/$old_pid/status" || fail "pid $old_pid still runs"
new_pid=$(cat "$work/out/app1.pid")
[ "$new_pid" != "$old_pid" ] && kill -0 "$new_pid" 2>/dev/null || fail "instance 1 was not started again"
echo "instance 1: pid $old_pid gone $(jq .process_gone_after_ms "$summary") ms after kill -9; restarted as pid $new_pid"

# ---- 6. alert emails exactly once --------------------------------------------------------------------------------------
say "the restarted instance 1, and the session from before the kill"
wait_ready "${management_ports[0]}" 180 || fail "the restarted instance 1 did not get ready"
restart_line=$(grep -o 'started in [0-9.]*s' "$work/logs/app1.log" | tail -n 1)
echo "instance 1 restarted under load: $restart_line"
sleep 3 # nginx tries an instance it marked down again after fail_timeout
same_session_on_both
after_restart_line="the cookie from the first sign-in, after instance 1's restart ($restart_line): 200 from ${!served[*]}, in turn"
[ -n "${served[instance-1-restarted]:-}" ] || fail "the restarted instance 1 did not serve the session"
[ -n "${served[instance-2]:-}" ] || fail "after the restart, instance 2 did not serve the session"
alternated || fail "after the restart, requests did not alternate between the instances: ${sequence[*]}"

say "alerts: $alerts outbox rows at once, both instances sending"
psql_owner <<SQL
create temporary table new_flag as
select gen_random_uuid() id, c.clinic_id, c.id client_id, c.user_id, n
from generate_series(1, $alerts) n join lateral (select * from client order by id offset (n % 10) limit 1) c on true;
insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, level, explanation, status,
                          reported_by, request_key)
select id, clinic_id, client_id, 'NUMBNESS_OR_TINGLING', 5, 'MIDDLE_THORACIC', 'DURING', 'RED', 'scale-out proof', 'OPEN', user_id, gen_random_uuid()
from new_flag;
-- Six recipients, so the sender batches several alerts per email; every alert's link must arrive exactly once.
insert into alert_outbox (id, clinic_id, flag_id, recipient_email, urgency)
select gen_random_uuid(), clinic_id, id, 'trainer' || (n % 6) || '@scale-out.example', 'URGENT' from new_flag;
SQL
for _ in $(seq 1 120); do
  left=$(psql_owner -c "select count(*) from alert_outbox where sent_at is null and recipient_email like '%@scale-out.example'")
  [ "$left" = 0 ] && break
  sleep 0.5
done
[ "$left" = 0 ] || fail "$left alerts still unsent after 60 s"
sleep 2 # the last SMTP deliveries
: >"$work/out/mail.txt"
for r in 0 1 2 3 4 5; do
  curl -s "http://127.0.0.1:$mail_api_port/api/user/trainer$r@scale-out.example/messages/INBOX" \
    | jq -r '.[].mimeMessage' >>"$work/out/mail.txt"
done
emails=$(grep -c '^Subject: ' "$work/out/mail.txt" || true)
links=$(grep -o '/flags/[0-9a-f-]\{36\}' "$work/out/mail.txt" | sort | uniq -c)
distinct=$(grep -c . <<<"$links" || true)
twice=$(awk '$1 > 1' <<<"$links" | grep -c . || true)
by_instance=$(grep -o '^From: Backline instance [12]' "$work/out/mail.txt" | sort | uniq -c | awk '{printf "instance %s: %s emails; ", $5, $1}')
echo "$emails emails carried $distinct distinct alerts; alerts mailed more than once: $twice; $by_instance"
[ "$distinct" = "$alerts" ] || fail "$((alerts - distinct)) alerts never arrived"
[ "$twice" = 0 ] || fail "$twice alerts were mailed more than once"

# ---- report -----------------------------------------------------------------------------------------------------------
say "report"
report="$work/out/report.md"
{
  echo "| what | figure |"
  echo "| --- | --- |"
  echo "| Schema: instances that do not migrate, and the migration step | $flyway_line |"
  echo "| Page session | $session_line |"
  echo "| Check-off requests sent (load ${load_seconds} s, $workers workers, through nginx) | $(jq .requests_sent "$summary") ($(jq .requests_per_second "$summary")/s); acknowledged by $(jq -c .instances_before_kill "$summary") before the kill, $(jq -c .instances_after_kill "$summary") after it |"
  echo "| The kill | instance 1 (pid $old_pid) gone $(jq .process_gone_after_ms "$summary") ms after kill -9; restarted as pid $new_pid |"
  echo "| Errors | $errors: $in_flight in flight on instance 1 when it was killed at $(jq .killed_at_s "$summary") s, $late other |"
  echo "| Check-offs acknowledged / stored | $acked / $stored_acked (new rows: $stored_new); $(jq .acknowledged_after_retry "$summary") acknowledged on a retry with the same key, $(jq .retry_found_already_saved "$summary") of them already saved before the kill |"
  back=$(jq .killed_instance_serving_again_after_ms "$summary")
  [ "$back" = -1 ] && back="not within the load window" || back="$back ms after the kill"
  echo "| Time to recover | last error $(jq .last_error_after_kill_ms "$summary") ms after the kill; the restarted instance 1 served again $back |"
  echo "| Session after the restart | $after_restart_line |"
  echo "| Latency (acknowledged) | p50 $(jq .latency_p50_ms "$summary") ms, p99 $(jq .latency_p99_ms "$summary") ms, max $(jq .latency_max_ms "$summary") ms |"
  echo "| Alert emails, $alerts alerts queued at once | $emails emails, $distinct distinct alerts, $twice sent twice; $by_instance |"
  echo "| Machine during the load | $(nproc) cores, load average $load_before before and $load_after after (nginx, PostgreSQL, Keycloak, both instances and the load client share it) |"
} | tee "$report"
echo
echo "Logs and outputs: $work (report: $report; run took $(( $(date +%s) - started )) s)"
if [ ${#failures[@]} -gt 0 ]; then
  printf 'scale-out: %s check(s) failed:\n' "${#failures[@]}"; printf '  - %s\n' "${failures[@]}"
  exit 1
fi
echo "scale-out: all checks passed"
