#!/usr/bin/env bash
# Backline's load benchmark, one command: deploy/bench/run.sh  (about 30 minutes; writes deploy/bench/RESULTS.md)
#
# In order, with everything it starts stopped again at the end:
#   1. builds the production jar (-Dproduction: no embedded database) from a copy of the work tree;
#   2. starts a PostgreSQL of its own (Debian's binaries; pg_stat_statements preloaded to count statements) and
#      reuses the Keycloak that answers on 8180 (or starts deploy/keycloak/dev-keycloak.sh);
#   3. runs the migration step on the empty database as the Kubernetes Job does (QUARKUS_INIT_AND_EXIT: Flyway as the
#      owner, then exit; docs/adr/0060), starts the app once as a pod does, with Flyway off (on JDK 25+ the training
#      run of an AOT cache), stops it, and fills the database with
#      deploy/bench/generate.sql (20 clinics, 50 trainers, 2,000 clients, ~300,000 sessions, 20,000 flags,
#      5,000 referrals, 10,000 providers; deterministic from BENCH_SEED);
#   4. starts the app without the AOT cache and stops it (time to the first 200), then three times as the production
#      image runs it (production profile, real Keycloak, the AOT cache when the JDK makes one): time to the first
#      200 = startup, the median; two copies of the stack's minimal app, built here, start in turn with it: with the
#      work of step 7b, and with Backline's model (floor-model/: Backline's dependencies and as many entities,
#      Renarde controllers, endpoint methods, templates and constrained classes, generated); each app starts once
#      more with Quarkus's step timings;
#   5. per scenario: signs in through Keycloak's real login pages (a fresh page session; bearer tokens from the
#      password grant for the API), warms up, then loads it with wrk at 50 connections; records req/s, p50/p99,
#      errors (any status but the expected one, a 302 to the login page included), CPU seconds of the app and of
#      PostgreSQL per request, the load average; then the app's RSS after the run;
#   6. restarts the app with its schedulers off and counts the SQL statements per page (pg_stat_statements) for a
#      page with one item and with many; then logs one request's statements per page (PostgreSQL's statement log,
#      read by statements-of-request.py) for step 7b;
#   7. measures the stack's floor in the same run, with Backline stopped: ../shared/floor/measure.sh (a minimal app
#      on the same stack: session-cookie page and bearer JSON call) with the same JVM options, wrk threads,
#      connections and duration, once before step 2 and once here; ratios are to the mean of the two, since the
#      host's speed drifts within a run;
#  7b. then the same minimal app with each row's work added (floor-work/: the page's statements, its bytes, the
#      check-off's SQL) and Backline's model (floor-model/, as in step 4) on this run's database and Keycloak, loaded
#      as Backline was; its RSS too (BENCH_REFERENCE=work: without the model);
#   8. writes the Markdown tables to deploy/bench/RESULTS.md (BENCH_RESULTS to change it): every scenario, then each
#      one as a share of the stack's floor, against the goals of docs/adr/0048.
#
# A/B mode, to judge a change in one run: BENCH_AB=<git revision> builds that revision beside the work tree, runs
# both against the same database and Keycloak (the work tree's build migrates it; both start with Flyway off),
# and alternates them scenario by scenario (A B, then B A, ...; BENCH_AB_ROUNDS, default 2, rounds of each scenario, so
# that each build goes first as often as second), each with its own warm-up. It writes only the
# comparison (BENCH_RESULTS, default $BENCH_WORK/out/ab.md): no floor, no AOT cache, no statement counts.
#
# The benchmark is not a test: it fails only when something does not run (a sign-in, a build), never on a figure.
#
# Knobs (environment): BENCH_DURATION (20 s per scenario), BENCH_CONNECTIONS (50), BENCH_WARMUP (45 s: the least
# warm-up), BENCH_WARMUP_MAX (150 s: the warm-up goes on while the app still gets faster or its JIT still compiles, see
# warm_up below), BENCH_JIT_QUIET (5: the % of a round the JIT may spend compiling once warm),
# BENCH_SEED (42), BENCH_JAVA_OPTS (default: what the JVM runs with in the Kubernetes pod of deploy/kubernetes -- 2 CPUs,
# 768 MiB limit, JAVA_TOOL_OPTIONS -XX:+UseSerialGC -Xms128m -Xmx160m -XX:TrimNativeHeapInterval=2000; and the pod's
# MALLOC_ARENA_MAX=2, BENCH_MALLOC_ARENA_MAX to change it, empty for glibc's default), BENCH_JFR=1 (a JFR recording per scenario; the app frames that burn the CPU in
# $BENCH_WORK/out/<scenario>.hot.txt), BENCH_WAIT_LOAD=2.5 (first wait, up to 40 min,
# until the 1-minute load average is below it), BENCH_SKIP_BUILD=1 (reuse the last jar), BENCH_WORK
# (/tmp/backline-bench), ports BENCH_APP_PORT (9181), BENCH_PG_PORT (56432), KEYCLOAK_PORT (8180),
# BENCH_ONLY="today dashboard" (only these scenarios, besides the baseline; for before/after comparisons),
# BENCH_BUILD_ARGS (-Dquarkus.package.jar.type=aot-jar: packaged as the production image is), BENCH_POST_USERS (64),
# BENCH_PUBLIC_PORT (8090: the realm's redirect URIs allow localhost:8080/8081/8090 only, so curl asks for
# localhost:8090 and --connect-to sends it to the app's port; nothing needs to listen on 8090),
# BENCH_FLOOR (the floor's measure.sh; default ../shared/floor/measure.sh beside the repository; "none" to skip),
# BENCH_FLOOR_WORK (1: also the floor with Backline's work added, step 7b; 0: not; "only": that without the plain floor),
# BENCH_REFERENCE (model: step 7b loads the floor with the work and Backline's model; work: the one without the model),
# BENCH_AB (a git revision: the A/B mode above), BENCH_AB_ROUNDS (2), BENCH_AB_JAVA_OPTS_A (JVM options for A alone),
# BENCH_AB_AOT=A (A runs with an AOT cache trained as in a full run, B without).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${BENCH_WORK:-/tmp/backline-bench}
app_port=${BENCH_APP_PORT:-9181}
# Health answers on the management port in production (docs/adr/0031).
management_port=${BENCH_MANAGEMENT_PORT:-9182}
pg_port=${BENCH_PG_PORT:-56432}
kc_port=${KEYCLOAK_PORT:-8180}
own_kc_port=${BENCH_KEYCLOAK_PORT:-8182} # when nothing answers on $kc_port: a Keycloak of this run's own, on another
                                         # port, so no one else's build starts using one that goes away with it
public_port=${BENCH_PUBLIC_PORT:-8090}
smtp_port=${BENCH_SMTP_PORT:-4926} # nothing listens there: alerts would wait in the outbox (none are due)
duration=${BENCH_DURATION:-20}
warmup=${BENCH_WARMUP:-45}
warmup_max=${BENCH_WARMUP_MAX:-150}
jit_quiet_pct=${BENCH_JIT_QUIET:-5}
connections=${BENCH_CONNECTIONS:-50}
seed=${BENCH_SEED:-42}
ab_rev=${BENCH_AB:-}
ab_rounds=${BENCH_AB_ROUNDS:-2}
results=${BENCH_RESULTS:-$here/RESULTS.md}
[ -n "$ab_rev" ] && results=${BENCH_RESULTS:-$work/out/ab.md}
floor_script=${BENCH_FLOOR:-$(cd "$repo/.." && pwd)/shared/floor/measure.sh}
floor_work=${BENCH_FLOOR_WORK:-1}
java_opts=${BENCH_JAVA_OPTS:--XX:+UseSerialGC -XX:MaxRAM=768m -Xms128m -Xmx160m -XX:TrimNativeHeapInterval=2000 -XX:+ExitOnOutOfMemoryError}
malloc_arena_max=${BENCH_MALLOC_ARENA_MAX-2}
build_args=${BENCH_BUILD_ARGS--Dquarkus.package.jar.type=aot-jar} # empty: the default fast-jar
kc_url="http://localhost:$kc_port"
threads=2

if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
started=$(date +%s)
say() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }
die() { echo "bench: $*" >&2; exit 1; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# ---- 0. tools -------------------------------------------------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v curl >/dev/null 2>&1 || missing+=(curl)
[ -x /usr/bin/time ] || missing+=(time)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "install first: ${missing[*]}"
  say "installing ${missing[*]} (apt-get)"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  service postgresql stop >/dev/null 2>&1 || true # Debian starts its own cluster; this run brings its own
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
[ -x "$java" ] || die "no java at $java (set JAVA_HOME to a JDK 21+)"

if [ -n "${BENCH_WAIT_LOAD:-}" ]; then
  for _ in $(seq 1 80); do
    awk -v l="$(load1)" -v max="$BENCH_WAIT_LOAD" 'BEGIN { exit !(l < max) }' && break
    echo "load average $(load1) >= $BENCH_WAIT_LOAD: waiting 30 s"
    sleep 30
  done
fi
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- clean-up: stop what this run started, by pid -------------------------------------------------------------
app_pid=
declare -A side_pid=() # A/B mode: each build's running app
kc_started=
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  set +e
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  for pid in "${side_pid[@]}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  [ -f "$work/pg/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1
  [ -n "$kc_started" ] && bash "$work/src/deploy/keycloak/dev-keycloak.sh" stop "$work/src/target/keycloak-26.7.3" >/dev/null 2>&1
}
trap cleanup EXIT
for port in "$app_port" "$management_port" "$pg_port" ${ab_rev:+$((app_port + 2)) $((management_port + 2))}; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is taken (BENCH_APP_PORT / BENCH_PG_PORT)"; fi
done
if [ -e "$work" ] && [ ! -f "$work/.backline-bench" ]; then die "$work exists and is not this script's; set BENCH_WORK"; fi
mkdir -p "$work/logs" "$work/out"
touch "$work/.backline-bench"
rm -rf "$work/out/"* "$work/logs/"*

# ---- 1. build -------------------------------------------------------------------------------------------------
jar="$work/src/target/quarkus-app/quarkus-run.jar"
if [ -n "${BENCH_SKIP_BUILD:-}" ] && [ -f "$jar" ]; then
  say "reusing $jar (BENCH_SKIP_BUILD)"
else
  say "building the production jar from a copy of $repo"
  rm -rf "$work/src"
  mkdir -p "$work/src"
  tar -C "$repo" --exclude=./target --exclude=./.dev-data --exclude=./.git -cf - . | tar -C "$work/src" -xf -
  build_start=$(date +%s)
  # shellcheck disable=SC2086
  (cd "$work/src" && { ./mvnw -o -q package -DskipTests -Dmaven.test.skip=true -Dproduction $build_args >"$work/logs/build.log" 2>&1 \
    || ./mvnw -q package -DskipTests -Dmaven.test.skip=true -Dproduction $build_args >"$work/logs/build.log" 2>&1; }) \
    || { tail -n 40 "$work/logs/build.log"; die "the build failed (log: $work/logs/build.log)"; }
  echo "built $jar in $(( $(date +%s) - build_start )) s"
fi
jar_b="$work/src-b/target/quarkus-app/quarkus-run.jar"
if [ -n "$ab_rev" ]; then
  if [ -n "${BENCH_SKIP_BUILD:-}" ] && [ -f "$jar_b" ] && [ "$(cat "$work/src-b/.revision" 2>/dev/null)" = "$ab_rev" ]; then
    say "reusing $jar_b (BENCH_SKIP_BUILD)"
  else
    say "A/B: building $ab_rev (B) beside the work tree (A)"
    rm -rf "$work/src-b"
    mkdir -p "$work/src-b"
    git -C "$repo" archive --format=tar "$ab_rev" | tar -C "$work/src-b" -xf - || die "no revision $ab_rev in $repo"
    echo "$ab_rev" >"$work/src-b/.revision"
    # shellcheck disable=SC2086
    (cd "$work/src-b" && ./mvnw -o -q package -DskipTests -Dmaven.test.skip=true -Dproduction $build_args >"$work/logs/build-b.log" 2>&1) \
      || { tail -n 40 "$work/logs/build-b.log"; die "the build of $ab_rev failed (log: $work/logs/build-b.log)"; }
  fi
fi

# ---- 1b. the stack's floor, before anything of Backline runs ------------------------------------------------------------
# ../shared/floor/measure.sh: a minimal app on the same stack, its own Keycloak and PostgreSQL, the same JVM options and
# wrk settings. Measured here and again after Backline's scenarios (step 7): the host's speed drifts within a run.
measure_floor() { # log-name → the script's last line, "floor bare=… page=… page_p99=… bearer=… bearer_p99=…"
  env ${malloc_arena_max:+MALLOC_ARENA_MAX=$malloc_arena_max} FLOOR_JAVA_OPTS="$java_opts" FLOOR_DURATION="$duration" \
    FLOOR_CONNECTIONS="$connections" bash "$floor_script" >"$work/logs/$1.log" 2>&1 || true
  local line; line=$(grep '^floor ' "$work/logs/$1.log" | tail -n 1 || true)
  [ -n "$line" ] || { tail -n 20 "$work/logs/$1.log" >&2; die "the floor's measure.sh gave no figures (log: $work/logs/$1.log)"; }
  grep '^round ' "$work/logs/$1.log" >&2 || true
  echo "$line"
}
floor_value() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k { print $2 }'; }
floor_line_before=
if [ -z "$ab_rev" ] && [ "$floor_script" != none ] && [ -f "$floor_script" ] && [ "$floor_work" != only ]; then
  say "the stack's floor: $floor_script (same JVM options, $threads wrk threads, $connections connections, ${duration} s)"
  floor_line_before=$(measure_floor floor-before)
fi

# ---- 2. PostgreSQL, Keycloak ------------------------------------------------------------------------------------
say "PostgreSQL on $pg_port ($pg_bin)"
rm -rf "$work/pg"
mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
as_pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust --no-sync >"$work/logs/initdb.log"
# Default settings but for a cache that holds the data set (as a production server's would) and the statement
# statistics used to count SQL statements per page.
as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/postgres.log" -w -o "-p $pg_port -k /tmp \
  -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=512MB \
  -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top" start >/dev/null
pg_version=$("$pg_bin/postgres" --version | awk '{print $3}')
psql_su() { "$pg_bin/psql" -X -h 127.0.0.1 -p "$pg_port" -U postgres -d backline -v ON_ERROR_STOP=1 -qAt "$@"; }
# Production refuses database passwords shorter than 32 bytes (config/ProductionSecrets).
db_owner_password=bench-owner-password-0123456789abcdef
db_runtime_password=bench-runtime-password-0123456789abcdef
psql_owner() { PGPASSWORD="$db_owner_password" "$pg_bin/psql" -X -h 127.0.0.1 -p "$pg_port" -U backline -d backline -v ON_ERROR_STOP=1 -qAt "$@"; }
# As in production (docs/adr/0035): Flyway migrates as the database's owner, the app signs in as backline_app, a role
# with data rights only, which the migrations grant.
"$pg_bin/psql" -X -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create role backline login password '$db_owner_password'" \
  -c "create role backline_app login password '$db_runtime_password'" -c "create database backline owner backline"
# As a DBA would: the extensions the migrations use, created by the superuser (earthdistance is not trusted).
for extension in pg_trgm cube earthdistance pg_stat_statements; do psql_su -c "create extension if not exists $extension"; done

if curl -sf -o /dev/null --max-time 3 "$kc_url/realms/backline/.well-known/openid-configuration"; then
  say "Keycloak answers on $kc_port: reusing it"
elif kc_url="http://localhost:$own_kc_port" && curl -sf -o /dev/null --max-time 3 "$kc_url/realms/backline/.well-known/openid-configuration"; then
  say "Keycloak answers on $own_kc_port: reusing it"
else
  say "nothing answers on $kc_port: starting a Keycloak of this run's own on $own_kc_port"
  [ -x "$work/src/target/keycloak-26.7.3/bin/kc.sh" ] || die "no Keycloak under $work/src/target (run the build)"
  kc_started=1
  KEYCLOAK_PORT=$own_kc_port bash "$work/src/deploy/keycloak/dev-keycloak.sh" start "$work/src/target/keycloak-26.7.3" "$$" \
    >"$work/logs/keycloak-start.log" 2>&1 || { cat "$work/logs/keycloak-start.log"; die "Keycloak did not start"; }
fi

# ---- 3. schema (the migration step), the AOT cache's training start, and data ------------------------------------
export BACKLINE_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/backline" BACKLINE_DB_USER=backline_app BACKLINE_DB_PASSWORD="$db_runtime_password"
export BACKLINE_DB_OWNER_USER=backline BACKLINE_DB_OWNER_PASSWORD="$db_owner_password"
export BACKLINE_KEYCLOAK_URL="$kc_url" BACKLINE_OIDC_CLIENT_SECRET=backline-web-dev-secret-not-for-production
export BACKLINE_KEYCLOAK_ADMIN_SECRET=backline-admin-dev-secret-not-for-production
export BACKLINE_SESSION_SECRET=bench-session-secret-0123456789abcdef0123
export BACKLINE_STATE_SECRET=bench-state-secret-0123456789abcdef012345
export BACKLINE_LINK_SECRET=bench-link-secret-0123456789abcdef0123456
export BACKLINE_UNSUBSCRIBE_SECRET=bench-unsubscribe-secret-0123456789abcdef01
export BACKLINE_SMTP_HOST=127.0.0.1 BACKLINE_SMTP_PORT="$smtp_port" BACKLINE_SMTP_STARTTLS=DISABLED
export BACKLINE_BASE_URL="http://localhost:$public_port"
live_url="http://127.0.0.1:$management_port/q/health/live"
live() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$live_url" 2>/dev/null || true; }
# Waiting for the start must not slow it down: a curl and a sleep every 20 ms used 0.6 of a core (3.3 s of CPU in
# 5.3 s, measured alone), taken from the start being timed; so did reading /proc/net/tcp with bash, which reads it a
# byte at a time. Until the app's port accepts a connection, the wait opens one with bash's /dev/tcp and sleeps with
# read's timeout, starting no process (0.03 of a core); then curl asks for the first 200.
exec {tick_fd}<> <(:)
nap() { read -r -t "$1" -u "$tick_fd" _ || true; }
listening() { # port → success once something accepts connections on 127.0.0.1:port
  local probe
  { exec {probe}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  exec {probe}>&-
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pod_env=()
start_app() { # log-name extra-java-options... ; sets app_pid and startup_ms (launch to the first 200)
  local log="$work/logs/$1.log"; shift
  local t0 deadline; t0=$(date +%s%N); deadline=$(( SECONDS + 60 ))
  # shellcheck disable=SC2086
  env "${pod_env[@]}" ${malloc_arena_max:+MALLOC_ARENA_MAX=$malloc_arena_max} "$java" $java_opts "$@" -Dquarkus.http.port="$app_port" -Dquarkus.management.port="$management_port" -jar "$jar" >"$log" 2>&1 &
  app_pid=$!
  while [ "$SECONDS" -lt "$deadline" ]; do
    if listening "$app_port" && [ "$(live)" = 200 ]; then
      startup_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
      # The process's CPU time by then: steadier than the wall time when the machine is busy.
      startup_cpu_ms=$(( $(cpu_ticks "$app_pid") * 1000 / $(getconf CLK_TCK) ))
      return 0
    fi
    [ -d "/proc/$app_pid" ] || { tail -n 30 "$log"; die "the app exited during start (log: $log)"; }
    nap 0.02
  done
  die "the app did not answer within 60 s (log: $log)"
}
stop_app() { kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null || true; app_pid=; }
# The app's memory in kB from the kernel: VmRSS (all of it), RssAnon (heap, code, metaspace, threads: what the pod
# cannot give back), RssFile (the AOT cache's and the jars' pages as read from disk, the kernel's to drop).
memory_kb() { awk -v field="$1:" '$1 == field { print $2 }' "/proc/$app_pid/status"; }
started_in() { grep -o 'started in [0-9.]*s' "$work/logs/$1.log" | head -n 1 | grep -o '[0-9.]*' || echo '?'; }
# Quarkus's step timings in a log (-Dquarkus.debug.print-startup-times=true) → "ms step" lines
startup_steps() { [ -f "$1" ] && sed -nE 's/.*Build step ([^ ]+) completed in: ([0-9]+)ms.*/\2 \1/p' "$1"; }
startup_steps_table() { # logs (Backline's first) → table rows, a column per log, Backline's longest first, then the totals
  local log
  for log in "$@"; do echo "== $log"; startup_steps "$log" || true; done | awk -v n=$# '
    /^== / { file++; next } { ms[file, $2] = $1; steps[$2] = 1; total[file] += $1 }
    END {
      for (step in steps) {
        big = 0; row = ""
        for (f = 1; f <= n; f++) { if (ms[f, step] + 0 >= 20) big = 1; row = row " | " (ms[f, step] == "" ? "—" : ms[f, step]) }
        if (big) printf "%d\t| %s%s |\n", ms[1, step], step, row
      }
      row = ""; for (f = 1; f <= n; f++) row = row " | " total[f] + 0
      printf "-1\t| all steps%s |\n", row
    }' | sort -t$'\t' -k1,1nr | cut -f2-
}
model_size() { # source tree → entities, Renarde controllers, endpoint methods, templates, validated classes, template bytes
  local src=$1/src/main templates
  templates=$(find "$src/resources/templates" -type f 2>/dev/null | wc -l)
  echo "$(grep -rl '^@Entity' "$src/java" 2>/dev/null | wc -l) $(grep -rl 'extends Controller\b' "$src/java" 2>/dev/null | wc -l)" \
    "$(grep -rhE '^\s*@(GET|POST|PUT|DELETE|PATCH)\b' "$src/java" 2>/dev/null | wc -l) $templates" \
    "$(grep -rlE 'import jakarta\.validation\.(constraints\.|Valid;)' "$src/java" 2>/dev/null | wc -l)" \
    "$(( $(find "$src/resources/templates" -type f -exec cat {} + 2>/dev/null | wc -c) / (templates > 0 ? templates : 1) ))"
}
app_size() { # source tree → what the start has to build a model of
  local entities controllers endpoints templates validated bytes
  read -r entities controllers endpoints templates validated bytes <<<"$(model_size "$1")"
  echo "$entities entities, $endpoints endpoint methods ($controllers Renarde controllers), $templates templates, $validated classes with constraints"
}

# JDK 25+: this first run is also the training run of an AOT cache (JEP 483/514: classes loaded and linked), written
# when the JVM exits; a start further down measures what it saves. As the image's (aot-image.sh), it records no method
# profiles (JEP 515): C2 compiled the pages on the training run's and lost 10 to 26 % of their pace (docs/adr/0058).
aot_cache="$work/app.aot"
rm -f "$aot_cache"
aot_training=
# A/B mode compares the builds without it: one cache can only serve the build it was trained on. BENCH_AB_AOT=A trains
# one for A (the work tree's build makes this start) and runs A with it, to judge what the cache does to the pages.
{ [ -z "$ab_rev" ] || [ "${BENCH_AB_AOT:-}" = A ]; } && "$java" -XX:AOTCacheOutput="$work/probe.aot" -version >/dev/null 2>&1 \
  && aot_training="-XX:AOTCacheOutput=$aot_cache -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining"
rm -f "$work/probe.aot"*
say "the migration step on the empty database (QUARKUS_INIT_AND_EXIT, as the Kubernetes Job runs it)"
migrate_t0=$(date +%s%N)
# shellcheck disable=SC2086
env QUARKUS_INIT_AND_EXIT=true ${malloc_arena_max:+MALLOC_ARENA_MAX=$malloc_arena_max} "$java" $java_opts \
  -Dquarkus.http.port="$app_port" -Dquarkus.management.port="$management_port" -jar "$jar" >"$work/logs/migrate.log" 2>&1 \
  || { tail -n 30 "$work/logs/migrate.log"; die "the migration step failed (log: $work/logs/migrate.log)"; }
migrate_ms=$(( ($(date +%s%N) - migrate_t0) / 1000000 ))
echo "migrated in $migrate_ms ms: $(grep -o 'Successfully applied [0-9]* migrations' "$work/logs/migrate.log" | head -n 1)"
# Backline's starts from here on are a pod's: Flyway off (the floor's apps below keep theirs).
pod_env=(QUARKUS_FLYWAY_ACTIVE=false)
say "starting the app as a pod does${aot_training:+ (and training an AOT cache)}"
# shellcheck disable=SC2086
start_app train $aot_training
echo "first 200 after $startup_ms ms"
# The requests the image's training run makes (deploy/kubernetes/image/aot-image.sh), so the cache is the image's.
for path in /q/health/ready /q/health/live; do
  for _ in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$management_port$path"; done
done
for path in /signed-out / /today /clients /api/v1/me /css/app.css /js/hold-timer.js; do
  for _ in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$app_port$path"; done
done
stop_app

say "generating the data (seed $seed)"
gen_start=$(date +%s)
psql_owner -v seed="$seed" -v program_json="$(cat "$repo/src/main/resources/program/thoracic-foam-roller-extension.json")" \
  -f "$here/generate.sql" -P format=aligned -P tuples_only=off | tee "$work/logs/generate.log"
gen_seconds=$(( $(date +%s) - gen_start ))
# As autovacuum would have by then on a production database: every page all-visible, so index-only scans (V9's
# session days) skip the heap. The generator's own vacuum, run as the owner, left the visibility map unset.
psql_su -c "vacuum (freeze, analyze)"
# The load and the vacuum leave hundreds of MB to write; without this the checkpoint spreads them over the next minutes,
# under the starts and the first scenarios (at 18:31 on 2026-12-07: 269 s, across all of them).
psql_su -c "checkpoint"
counts=$(psql_owner -F ' ' -c "select (select count(*) from clinic), (select count(*) from staff_member where role = 'trainer'),
  (select count(*) from client), (select count(*) from session_log), (select count(*) from symptom_flag),
  (select count(*) from referral), (select count(*) from provider), pg_size_pretty(pg_database_size('backline'))")
read -r n_clinics n_trainers n_clients n_sessions n_flags n_referrals n_providers db_size_a db_size_b <<<"$counts"
today_days=$(psql_owner -c "set timezone = 'America/Los_Angeles'; select current_date - date '1970-01-01'")
id_of() { psql_owner -c "select id from client where email like '$1@%'"; }
client1_id=$(id_of rose-client1)
client4_id=$(id_of rose-client4)
client1_sessions=$(psql_owner -c "select count(*) from session_log where client_id = '$client1_id'")

# ---- the stack's floor with Backline's work, and with its model too: built and their AOT caches trained before
# Backline's starts, so that the apps' starts can alternate (section 4) under the same conditions of the machine. The
# copy with the model (floor-model/) adds Backline's dependencies and as many entities, endpoints, templates and
# validated classes, generated; section 7b loads it (or the one with the work alone, BENCH_REFERENCE=work).
work_rss_kb= work_startup_ms= work_startup_cpu_ms= work_startup_all_ms= floor_work_ready= floor_model_ready=
floor_dir=$(dirname "$floor_script")
backline_jar= backline_live_url=
declare -A floor_aot=()
use_floor() { # work|model: start_app then starts that floor app
  backline_jar=${backline_jar:-$jar} backline_live_url=${backline_live_url:-$live_url}
  jar="$work/floor-$1/target/quarkus-app/quarkus-run.jar" live_url="http://127.0.0.1:$app_port/hello" pod_env=()
}
use_backline() { jar=$backline_jar live_url=$backline_live_url pod_env=(QUARKUS_FLYWAY_ACTIVE=false); }
prepare_floor() { # work|model
  local kind=$1 dir="$work/floor-$1"
  rm -rf "$dir"
  mkdir -p "$dir"
  cp -r "$floor_dir/pom.xml" "$floor_dir/src" "$dir/"
  cp -r "$here/floor-work/src" "$dir/"
  # Backline's database instead of the embedded one, which would start a PostgreSQL of its own with the app.
  python3 - "$dir/pom.xml" <<'PY' || die "could not take the embedded PostgreSQL out of the floor's pom.xml"
import re, sys
pom = open(sys.argv[1]).read()
lean = re.sub(r"\s*<dependency>(?:(?!</dependency>).)*quarkus-embedded-postgresql.*?</dependency>", "", pom, count=1, flags=re.S)
if lean == pom:
    sys.exit("no quarkus-embedded-postgresql dependency")
open(sys.argv[1], "w").write(lean)
PY
  if [ "$kind" = model ]; then
    python3 "$here/floor-model/pom-deps.py" "$dir/pom.xml" "$repo/pom.xml" "$(dirname "${backline_jar:-$jar}")/lib/main" >/dev/null \
      || die "could not give the floor Backline's dependencies"
    # shellcheck disable=SC2046
    python3 "$here/floor-model/generate.py" "$dir" $(model_size "$repo") || die "could not generate the floor's model"
  fi
  # shellcheck disable=SC2086
  (cd "$dir" && "$repo/mvnw" -o -q package -DskipTests -Dmaven.test.skip=true $build_args >"$work/logs/floor-$kind-build.log" 2>&1) \
    || { tail -n 40 "$work/logs/floor-$kind-build.log"; die "the floor-$kind build failed (log: $work/logs/floor-$kind-build.log)"; }
  use_floor "$kind"
  floor_aot[$kind]=
  if [ -n "$aot_training" ]; then
    rm -f "$work/floor-$kind.aot"
    start_app "floor-$kind-train" -XX:AOTCacheOutput="$work/floor-$kind.aot" -XX:+UnlockDiagnosticVMOptions \
      -XX:-AOTRecordTraining "${work_opts[@]}"
    for path in /hello /page /work/today /api/patients; do
      for _ in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$app_port$path"; done
    done
    stop_app
    [ -f "$work/floor-$kind.aot" ] && floor_aot[$kind]="$work/floor-$kind.aot"
  fi
  use_backline
}
work_opts=(-Dquarkus.datasource.jdbc.url="$BACKLINE_DB_URL" -Dquarkus.datasource.username=backline_app
  -Dquarkus.datasource.password="$db_runtime_password" -Dquarkus.datasource.jdbc.max-size=9
  -Dquarkus.flyway.migrate-at-start=false -Dwork.dir="$work/out/work"
  -Dquarkus.oidc.auth-server-url="$kc_url/realms/backline" -Dquarkus.oidc.client-id=backline-web
  -Dquarkus.oidc.credentials.secret="$BACKLINE_OIDC_CLIENT_SECRET" -Dquarkus.oidc.authentication.scopes=organization
  -Dquarkus.oidc.authentication.pkce-required=true
  -Dquarkus.oidc.api.auth-server-url="$kc_url/realms/backline" -Dquarkus.oidc.api.client-id=backline-api)
floor_opts() { # work|model → floor_args: that floor app's AOT cache, then work_opts
  floor_args=()
  [ -n "${floor_aot[$1]:-}" ] && floor_args=(-XX:AOTCache="${floor_aot[$1]}")
  floor_args+=("${work_opts[@]}")
}

# ---- 4. the app as production runs it ---------------------------------------------------------------------------
# The production image carries an AOT cache trained the same way (deploy/kubernetes/image/aot-image.sh), so the
# app runs with this run's; once without it first, to show what it saves.
production_opts=()
startup_cold_ms= started_in_cold=
if [ -f "$aot_cache" ]; then
  production_opts=(-XX:AOTCache="$aot_cache")
  say "starting the app without the AOT cache, then stopping it"
  start_app cold
  startup_cold_ms=$startup_ms
  started_in_cold=$(started_in cold)
  echo "first 200 after $startup_cold_ms ms (Quarkus: started in ${started_in_cold} s)"
  stop_app
fi
say "starting the app (production profile${production_opts:+, AOT cache of $(( $(stat -c %s "$aot_cache") / 1048576 )) MB}) on $app_port"
# Three starts, the median counts: one start moves by a few hundred milliseconds with the host's speed.
# The stack's floor with Backline's work starts in turn with Backline: the host's speed drifts by a quarter within
# minutes, so only starts taken side by side can be compared.
if [ -z "$ab_rev" ] && [ "$floor_script" != none ] && [ -f "$floor_dir/pom.xml" ] && [ "$floor_work" != 0 ]; then
  say "building the stack's floor with Backline's work, and with Backline's model, to start them in turn with Backline"
  prepare_floor work && floor_work_ready=1
  prepare_floor model && floor_model_ready=1
fi
declare -A floor_starts=([work]= [model]=)
floor_start() { # work|model log-name counted|uncounted extra-java-options...
  use_floor "$1"
  floor_opts "$1"
  start_app "$2" "${floor_args[@]}" "${@:4}"
  [ "$3" = counted ] && floor_starts[$1]+="$startup_ms $startup_cpu_ms"$'\n'
  echo "floor with the $1: first 200 after $startup_ms ms, $startup_cpu_ms ms of CPU"
  stop_app
  use_backline
}
starts=()
if [ -z "$ab_rev" ]; then
  for i in 1 2; do
    start_app "app-start$i" "${production_opts[@]}"
    starts+=("$startup_ms $startup_cpu_ms $(started_in "app-start$i")")
    echo "first 200 after $startup_ms ms, $startup_cpu_ms ms of CPU"
    stop_app
    [ -n "$floor_work_ready" ] && floor_start work "floor-work-start$i" counted
    [ -n "$floor_model_ready" ] && floor_start model "floor-model-start$i" counted
  done
  # Where a start goes: one more start of each, not counted, with Quarkus's timing of each of its steps (RESULTS.md,
  # "Where the start goes").
  start_app app-steps "${production_opts[@]}" -Dquarkus.debug.print-startup-times=true
  stop_app
  if [ -n "$floor_work_ready" ]; then
    floor_start work floor-work-steps uncounted -Dquarkus.debug.print-startup-times=true
    floor_start work floor-work-start3 counted
  fi
  if [ -n "$floor_model_ready" ]; then
    floor_start model floor-model-steps uncounted -Dquarkus.debug.print-startup-times=true
    floor_start model floor-model-start3 counted
  fi
fi
# A/B mode: BENCH_AB_JAVA_OPTS_A gives build A options of its own, to judge a JVM option (BENCH_AB=HEAD, no change).
# shellcheck disable=SC2086
start_app app "${production_opts[@]}" ${ab_rev:+${BENCH_AB_JAVA_OPTS_A:-}}
starts+=("$startup_ms $startup_cpu_ms $(started_in app)")
median_start() { # "ms cpu [more]" lines → the line of the start in the middle by wall time, then every start's ms
  local lines; lines=$(grep . || true)
  [ -z "$lines" ] && return 0
  echo "$(sort -n <<<"$lines" | sed -n "$(( ($(wc -l <<<"$lines") + 1) / 2 ))p") $(cut -d' ' -f1 <<<"$lines" | paste -sd, | sed 's/,/, /g')"
}
read -r startup_main_ms startup_main_cpu_ms started_in_main startup_all_ms <<<"$(printf '%s\n' "${starts[@]}" | median_start)"
read -r work_startup_ms work_startup_cpu_ms work_startup_all_ms <<<"$(median_start <<<"${floor_starts[work]}")"
read -r model_startup_ms model_startup_cpu_ms model_startup_all_ms <<<"$(median_start <<<"${floor_starts[model]}")"
[ -n "$work_startup_ms" ] && echo "floor with the work, started in turn: the median of $work_startup_all_ms ms: $work_startup_ms ms, $work_startup_cpu_ms ms of CPU"
[ -n "$model_startup_ms" ] && echo "floor with the model, started in turn: the median of $model_startup_all_ms ms: $model_startup_ms ms, $model_startup_cpu_ms ms of CPU"
rss_start_kb=$(memory_kb VmRSS)
echo "first 200 after $startup_ms ms; the median of ${#starts[@]} starts ($startup_all_ms ms): $startup_main_ms ms, $startup_main_cpu_ms ms of CPU (Quarkus: started in ${started_in_main} s); RSS $((rss_start_kb / 1024)) MB"
# A/B mode: the other build runs beside it, on ports 2 higher, without migrating the shared database.
declare -A side_jar=([A]=$jar [B]=$jar_b) side_port=([A]=$app_port [B]=$((app_port + 2))) \
  side_mport=([A]=$management_port [B]=$((management_port + 2)))
side_pid[A]=$app_pid
use_side() { # A or B: the functions above then act on that build's app
  jar=${side_jar[$1]} app_port=${side_port[$1]} management_port=${side_mport[$1]} app_pid=${side_pid[$1]:-}
}
if [ -n "$ab_rev" ]; then
  use_side B
  say "A/B: starting $ab_rev (B) on $app_port"
  start_app app-b
  side_pid[B]=$app_pid
  echo "B: first 200 after $startup_ms ms"
  use_side A
fi

# ---- sign-in through Keycloak's pages, as a browser ---------------------------------------------------------------
unescape() { sed -e 's/&amp;/\&/g'; }
form_action() { grep -o '<form[^>]*action="[^"]*"' "$1" | head -n 1 | sed -e 's/.*action="//' -e 's/"$//' | unescape; }
sign_in() { # username page → prints the Cookie header value a browser would send: the session (q_session*) and the
            # CSRF cookie the signed-in page set (without it, every request would make and set a new token)
  local user=$1 page=$2 jar="$work/out/cookies-$1.txt" action code step
  rm -f "$jar" "$jar".*.html
  local c=(curl -s --max-time 30 --connect-to "localhost:$public_port:127.0.0.1:$app_port" -c "$jar" -b "$jar" -L -w '%{http_code}')
  code=$("${c[@]}" -o "$jar.1.html" "http://localhost:$public_port$page")
  # Keycloak asks for the username, then the password (organizations make the login identity-first); a one-page
  # form takes both at once.
  for step in 2 3; do
    action=$(form_action "$jar.$((step - 1)).html")
    [ -n "$action" ] && grep -q 'name="username"\|name="password"' "$jar.$((step - 1)).html" || break
    if grep -q 'name="password"' "$jar.$((step - 1)).html"; then
      code=$("${c[@]}" -o "$jar.$step.html" --data-urlencode "username=$user" --data-urlencode password=backline-demo "$action")
      break
    fi
    code=$("${c[@]}" -o "$jar.$step.html" --data-urlencode "username=$user" "$action")
  done
  awk '$6 ~ /^(q_session|(__Host-)?csrf-token$)/ {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar" >"$jar.header"
  [ -s "$jar.header" ] || die "sign-in as $user: no q_session cookie (last answer $code; see $jar.*.html)"
  [ "$code" = 200 ] || die "sign-in as $user: $page answered $code after the login"
  cat "$jar.header"
}
# Whose page session and bearer token the next scenarios send: an A/B run signs in again before each of its runs,
# since the realm's tokens and the session live 5 minutes and a scenario's rounds of both builds take longer.
page_session() { # username page → $cookie, a fresh page session
  session_user=$1 session_page=$2
  cookie=$(sign_in "$1" "$2")
}
bearer_token() { # username → $api_token, a fresh access token
  token_user=$1
  api_token=$(token_for "$1")
}
fresh_credentials() { # wrk args → the same, with the Cookie and bearer headers of a fresh sign-in
  local arg
  fresh_args=()
  for arg in "$@"; do
    if [[ $arg == "Cookie: "* ]] && [ -n "${session_user:-}" ]; then arg="Cookie: $(sign_in "$session_user" "$session_page")"
    elif [[ $arg == "Authorization: Bearer "* ]] && [ -n "${token_user:-}" ]; then arg="Authorization: Bearer $(token_for "$token_user")"; fi
    fresh_args+=("$arg")
  done
}
token_for() { # username → an access token (password grant of the realm's backline-cli client)
  local token
  token=$(curl -sf --max-time 30 -d grant_type=password -d client_id=backline-cli -d "username=$1" -d password=backline-demo \
    -d "scope=openid organization" "$kc_url/realms/backline/protocol/openid-connect/token" | jq -r .access_token)
  [ -n "$token" ] && [ "$token" != null ] || die "no access token for $1"
  echo "$token"
}
# The check-off load comes from $post_users clients, as it would in a clinic (one person checks off
# their own sessions): Keycloak users made here through the admin API (or found from an earlier run), members of
# cedar-hills' organization with the client role, each with a client row and an assignment whose prescription starts
# 20,000 days back, so every POST saves a new day.
post_users=${BENCH_POST_USERS:-64} # more than the connections, so no two POSTs wait on one assignment
# Keycloak's own administrator (dev-keycloak.sh's bootstrap account): the app's service account may not read the
# realm's roles any more (docs/adr/0034), and setting up a bench is not the app's work.
kc_admin_sign_in() {
  kc_admin_token=$(curl -sf --max-time 30 -d grant_type=password -d client_id=admin-cli \
    -d username="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" -d password="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
    "$kc_url/realms/master/protocol/openid-connect/token" | jq -r .access_token)
  [ -n "$kc_admin_token" ] && [ "$kc_admin_token" != null ] || die "no token for Keycloak's bootstrap administrator"
}
kc_admin() { # method path [curl args...] → the answer's body (status in $kc_status)
  local method=$1 path=$2; shift 2
  local out attempt
  for attempt in 1 2; do
    out=$(curl -s --max-time 30 -X "$method" -H "Authorization: Bearer $kc_admin_token" \
      -w '\n%{http_code}' "$kc_url/admin/realms/backline$path" "$@") || die "Keycloak admin API: $method $path did not answer"
    kc_status=${out##*$'\n'}
    # The administrator's token lives a minute; on a busy machine the setup outlasts it.
    [ "$kc_status" = 401 ] && [ "$attempt" = 1 ] && { kc_admin_sign_in; continue; }
    break
  done
  printf '%s' "${out%$'\n'*}"
}
make_post_users() {
  kc_admin_sign_in
  local org role i user id
  org=$(kc_admin GET "/organizations?briefRepresentation=true" | jq -r '.[] | select(.alias == "cedar-hills") | .id')
  [ -n "$org" ] || die "no cedar-hills organization in Keycloak"
  role=$(kc_admin GET /roles/client)
  [ "$(jq -r .name <<<"$role")" = client ] || die "no client role in Keycloak: $role"
  : >"$work/out/post-users.txt"
  for i in $(seq 1 "$post_users"); do
    user="bench-post$i"
    kc_admin POST /users -H 'Content-Type: application/json' -d "$(jq -nc --arg u "$user" '{username: $u,
      email: ($u + "@cedarhillsstrength.example"), firstName: "Bench", lastName: $u, enabled: true, emailVerified: true,
      credentials: [{type: "password", value: "backline-demo", temporary: false}]}')" >/dev/null
    [ "$kc_status" = 201 ] || [ "$kc_status" = 409 ] || die "creating $user in Keycloak: $kc_status"
    id=$(kc_admin GET "/users?username=$user&exact=true" | jq -r '.[0].id // empty')
    [ -n "$id" ] || die "no Keycloak id for $user"
    kc_admin POST "/users/$id/role-mappings/realm" -H 'Content-Type: application/json' -d "[$role]" >/dev/null
    [ "$kc_status" = 204 ] || die "giving $user the client role: $kc_status"
    kc_admin POST "/organizations/$org/members" -H 'Content-Type: application/json' -d "\"$id\"" >/dev/null
    [ "$kc_status" = 201 ] || [ "$kc_status" = 204 ] || [ "$kc_status" = 409 ] || die "adding $user to cedar-hills: $kc_status"
    echo "$user $id" >>"$work/out/post-users.txt"
  done
  # Their client rows, on cedar-trainer's care team, each with an assignment like cedar-client2's.
  awk '{printf "insert into bench_post values (%c%s%c, %c%s%c);\n", 39, $1, 39, 39, $2, 39}' "$work/out/post-users.txt" |
    { echo "create temporary table bench_post (username text, user_id uuid);"; cat; cat <<'SQL'
insert into client (id, clinic_id, user_id, full_name, email)
select gen_random_uuid(), 'cedar-hills', user_id, 'Bench ' || username, username || '@cedarhillsstrength.example'
from bench_post;
insert into care_team_member (clinic_id, client_id, staff_member_id, lead)
select c.clinic_id, c.id, s.id, true from client c join bench_post b on b.user_id = c.user_id
join staff_member s on s.clinic_id = c.clinic_id and s.email like 'cedar-trainer@%';
create temporary table bench_assignment as
select gen_random_uuid() id, c.id client_id, a.program_id, a.program_version_id, a.created_by, a.created_at, p.created_at rx_at
from client c join bench_post b on b.user_id = c.user_id
cross join (select a.* from assignment a join client x on x.id = a.client_id
            where x.email like 'cedar-client2@%') a
join prescription p on p.assignment_id = a.id;
insert into assignment (id, clinic_id, client_id, program_id, program_version_id, status, request_key, created_by, created_at)
select id, 'cedar-hills', client_id, program_id, program_version_id, 'ACTIVE', gen_random_uuid(), created_by, created_at
from bench_assignment;
insert into prescription (id, clinic_id, assignment_id, version, hold_seconds, levels, sessions_per_week, start_date,
                          created_by, created_at)
select gen_random_uuid(), 'cedar-hills', id, 1, 90, 3, 3, current_date - 20000, created_by, rx_at from bench_assignment;
SQL
    } | psql_owner >/dev/null
}
post_clients() { # → a file of "token assignment-id" lines for the check-off load
  local file="$work/out/post-clients.txt" user assignment token
  : >"$file"
  while read -r user _; do
    assignment=$(psql_owner -c "select a.id from assignment a join client c on c.id = a.client_id where c.email like '$user@%'")
    token=$(token_for "$user")
    echo "$token $assignment" >>"$file"
  done <"$work/out/post-users.txt"
  echo "$file"
}
say "$post_users clients for the check-off load (Keycloak users, client rows, assignments)"
make_post_users

# ---- 5. scenarios ---------------------------------------------------------------------------------------------------
clk=$(getconf CLK_TCK)
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; } # every process, both cores
pg_ticks() { # every PostgreSQL process of this cluster
  local pm total=0 pid
  pm=$(head -n 1 "$work/pg/data/postmaster.pid")
  for pid in $pm $(ps -o pid= --ppid "$pm"); do
    [ -r "/proc/$pid/stat" ] && total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
jstat=${JAVA_HOME:+$JAVA_HOME/bin/}jstat
# The seconds the app's JIT has spent compiling since it started (0 where jstat cannot tell).
jit_seconds() { "$jstat" -compiler "$app_pid" 2>/dev/null | awk 'NR == 2 { t = $4 } END { print t + 0 }'; }
scenario_names=()
run_wrk() { # out seconds conns threads url [wrk args...]
  local out=$1 secs=$2 conns=$3 t=$4 url=$5; shift 5
  BENCH_OUT=$out BENCH_THREADS=$t wrk -t"$t" -c"$conns" -d"${secs}s" --timeout 5s -s "$here/bench.lua" "$@" "$url" \
    >>"$work/logs/wrk.log" 2>&1 || die "wrk failed (see $work/logs/wrk.log)"
}
# Warms a scenario up until the app runs it at its steady pace, in rounds of 5 s: at least $warmup seconds, then on
# while a round is more than 2 % faster than every round before it or the JIT spent more than $jit_quiet_pct % of the
# round compiling, up to $warmup_max. A page's own code needs 25 to 70 s of load before C2 has compiled it on two busy
# cores, and it can hold its pace for several rounds while C2 still works on it: the check-off read 700 req/s for
# 30 s, then 1,200 once its compiles were done, so a rule on req/s alone measured it half-compiled, by chance.
# The rounds' req/s and JIT seconds go to $work/out/<key>.warmup.txt.
warm_up() { # key conns threads url warm-offset offset [wrk args...]
  local key=$1 conns=$2 t=$3 url=$4 warm_offset=$5 offset=$6; shift 6
  local elapsed=0 best=0 rps days=0 last_days=0 per_thread=1 jit0 jit1 jit
  [ "${BENCH_MODE:-}" = post ] && per_thread=$(( $(wc -l <"$BENCH_CLIENTS") / t ))
  : >"$work/out/$key.warmup.txt"
  jit1=$(jit_seconds)
  while :; do
    # The check-off saves a new day per POST: each round starts where the one before ended, short of the measurement's.
    [ "${BENCH_MODE:-}" = post ] && export BENCH_OFFSET=$((warm_offset + days))
    jit0=$jit1
    run_wrk "$work/out/$key.warmup.json" 5 "$conns" "$t" "$url" "$@"
    jit1=$(jit_seconds)
    rps=$(jq -r '.rps' "$work/out/$key.warmup.json")
    jit=$(awk -v a="$jit0" -v b="$jit1" 'BEGIN { printf "%.2f", b - a }')
    echo "$rps $jit" >>"$work/out/$key.warmup.txt"
    elapsed=$((elapsed + 5))
    last_days=$(( $(jq -r '.requests' "$work/out/$key.warmup.json") * 6 / 5 / t / per_thread + 2 ))
    days=$((days + last_days))
    [ "$elapsed" -ge "$warmup_max" ] && break
    [ "${BENCH_MODE:-}" = post ] && [ $((warm_offset + days + last_days)) -ge "$offset" ] && break
    if [ "$elapsed" -ge "$warmup" ] && awk -v r="$rps" -v b="$best" -v j="$jit" -v q="$jit_quiet_pct" \
        'BEGIN { exit !(r <= b * 1.02 && j * 100 / 5 <= q) }'; then break; fi
    best=$(awk -v r="$rps" -v b="$best" 'BEGIN { print (r > b ? r : b) }')
  done
  echo "   warmed up for ${elapsed}s: $(awk '{print $1}' "$work/out/$key.warmup.txt" | paste -sd' ') req/s;" \
    "JIT s per round: $(awk '{print $2}' "$work/out/$key.warmup.txt" | paste -sd' ')" | tee -a "$work/logs/wrk.log"
  warmed_s=$elapsed
}
ab_turn=0
scenario() { # key conns seconds url [wrk args...]; exports the rest through BENCH_* variables
  local key=$1 conns=$2 secs=$3 url=$4; shift 4
  if [ -n "${BENCH_ONLY:-}" ] && [ "$key" != baseline ] && [[ " $BENCH_ONLY " != *" $key "* ]]; then return 0; fi
  if [ -z "$ab_rev" ]; then
    measure "$key" "$conns" "$secs" "$url" 1 3000 "$@"
  else
    # Each round swaps which build goes first (A B, then B A, ...): the one measured second gains from the order by a
    # few per cent, and a drift in the machine's speed favours neither when the rounds come in pairs.
    local order side b_url round
    b_url=${url/:${side_port[A]}/:${side_port[B]}}
    b_url=${b_url/:${side_mport[A]}/:${side_mport[B]}}
    for round in $(seq 1 "$ab_rounds"); do
      order="A B"; [ $((ab_turn % 2)) = 1 ] && order="B A"
      ab_turn=$((ab_turn + 1))
      for side in $order; do
        use_side "$side"
        # The check-off saves a new day per POST: each build and round gets days of its own (a run's warm-up or
        # measurement goes a few hundred days back; all of them stay within the 9,000 bench.lua allows).
        local days=$(( (round - 1) * 9000 / ab_rounds ))
        fresh_credentials "$@"
        if [ "$side" = A ]; then measure "$key.A$round" "$conns" "$secs" "$url" $((days + 1)) $((days + 9000 / ab_rounds / 4)) "${fresh_args[@]}"
        else measure "$key.B$round" "$conns" "$secs" "$b_url" $((days + 9000 / ab_rounds / 2)) $((days + 9000 / ab_rounds * 3 / 4)) "${fresh_args[@]}"; fi
      done
    done
    for side in A B; do # the rounds' mean: req/s, p99 and CPU; errors added up
      jq -s '{rps: (map(.rps) | add / length), p99_ms: (map(.p99_ms) | add / length),
              app_cpu_ms: (map(.app_cpu_ms) | add / length), bad_status: (map(.bad_status) | add),
              socket_errors: (map(.socket_errors) | add), timeouts: (map(.timeouts) | add), rounds: map(.rps)}' \
        $(for round in $(seq 1 "$ab_rounds"); do echo "$work/out/$key.$side$round.row.json"; done) >"$work/out/$key.$side.row.json"
    done
    use_side A
  fi
  scenario_names+=("$key")
}
measure() { # file-key conns seconds url warm-up-offset offset [wrk args...]: one build's figures for one scenario
  local key=$1 conns=$2 secs=$3 url=$4 warm_offset=$5 offset=$6; shift 6
  local t=$threads; [ "$conns" -lt "$t" ] && t=$conns
  echo "-- $key: $conns connections, ${warmup}-${warmup_max}s warm-up, ${secs}s measured: $url" | tee -a "$work/logs/wrk.log"
  warm_up "$key" "$conns" "$t" "$url" "$warm_offset" "$offset" "$@"
  [ "${BENCH_MODE:-}" = post ] && export BENCH_OFFSET=$offset
  local load a0 p0 a1 p1 b0 b1
  load=$(load1)
  [ -n "${BENCH_JFR:-}" ] && "$jcmd" "$app_pid" JFR.start name="$key" settings=profile >/dev/null
  psql_su -c "select pg_stat_statements_reset()" >/dev/null
  a0=$(cpu_ticks "$app_pid"); p0=$(pg_ticks); b0=$(busy_ticks)
  run_wrk "$work/out/$key.json" "$secs" "$conns" "$t" "$url" "$@"
  a1=$(cpu_ticks "$app_pid"); p1=$(pg_ticks); b1=$(busy_ticks)
  # Where PostgreSQL's time went during the measurement: its statements by total time.
  psql_su -F ' | ' -c "select round(total_exec_time::numeric), calls, round((total_exec_time / greatest(calls, 1))::numeric, 3),
      left(regexp_replace(query, '\s+', ' ', 'g'), 220) from pg_stat_statements order by total_exec_time desc limit 10" \
    >"$work/out/$key.statements.txt" 2>&1 || true
  if [ -n "${BENCH_JFR:-}" ]; then
    "$jcmd" "$app_pid" JFR.stop name="$key" filename="$work/out/$key.jfr" >/dev/null
    # Samples counted by the first io.backline frame on the stack (or the thread and top frame when there is none).
    "${JAVA_HOME:+$JAVA_HOME/bin/}jfr" print --stack-depth 200 --events jdk.ExecutionSample "$work/out/$key.jfr" | awk '
      /sampledThread/ {thread = $3}
      /stackTrace = \[/ {in_stack = 1; first = ""; top = ""; next}
      in_stack && /^ *\]/ {count[first != "" ? first : thread " " top]++; in_stack = 0; next}
      in_stack {line = $0; sub(/^ +/, "", line); sub(/ line:.*/, "", line); if (top == "") top = line
                if (first == "" && line ~ /^io\.backline/) first = line}
      END {for (k in count) print count[k], k}' | sort -rn | head -n 40 >"$work/out/$key.hot.txt" || true
  fi
  jq -c --arg load "$load" --argjson app $(( a1 - a0 )) --argjson pg $(( p1 - p0 )) --argjson busy $(( b1 - b0 )) \
    --argjson clk "$clk" --argjson conns "$conns" --argjson cores "$(nproc)" --argjson warmed "$warmed_s" \
    '. + {load: $load, conns: $conns, warmup_s: $warmed, app_cpu_ms: ((($app / $clk) * 1000) / ([.requests, 1] | max)),
          pg_cpu_ms: ((($pg / $clk) * 1000) / ([.requests, 1] | max)),
          app_pct: ($app / $clk / .seconds / $cores * 100), pg_pct: ($pg / $clk / .seconds / $cores * 100),
          rest_pct: (($busy - $app - $pg) / $clk / .seconds / $cores * 100)}' "$work/out/$key.json" >"$work/out/$key.row.json"
  jq -r '"   \(.rps) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, errors \(.bad_status + .socket_errors + .timeouts) \(.bad_codes), app CPU \(.app_cpu_ms | . * 100 | round / 100) ms/req, PostgreSQL CPU \(.pg_cpu_ms | . * 100 | round / 100) ms/req; CPU of both cores: app \(.app_pct | round) %, PostgreSQL \(.pg_pct | round) %, rest (wrk, others) \(.rest_pct | round) %"' \
    "$work/out/$key.row.json"
  echo "   the app's RSS after it: $(( $(memory_kb VmRSS) / 1024 )) MB"
}
base="http://127.0.0.1:$app_port"
say "scenarios: $connections connections, ${duration}s each after ${warmup} to ${warmup_max}s of warm-up"
unset BENCH_MODE BENCH_EXPECT
scenario baseline "$connections" "$duration" "http://127.0.0.1:$management_port/q/health/live"
scenario signed-out "$connections" "$duration" "$base/signed-out"
# Two floors for the signed-in pages: what authentication and the clinic's roles cost before any page work.
bearer_token rose-client1
scenario api-me "$connections" "$duration" "$base/api/v1/me" -H "Authorization: Bearer $api_token"
page_session rose-trainer /dashboard
scenario flag-count "$connections" "$duration" "$base/flags/count" -H "Cookie: $cookie"
# A fresh page session before each scenario: the realm's tokens live 5 minutes, and so does the session.
page_session rose-client1 /today
scenario today "$connections" "$duration" "$base/today" -H "Cookie: $cookie"
page_session rose-trainer /dashboard
scenario dashboard "$connections" "$duration" "$base/dashboard" -H "Cookie: $cookie"
page_session rose-trainer /dashboard
scenario client-page "$connections" "$duration" "$base/clients/$client1_id" -H "Cookie: $cookie"
page_session rose-trainer /dashboard
scenario flags "$connections" "$duration" "$base/flags" -H "Cookie: $cookie"
directory_query="q=deep+tissue&near=97005&radius=6"
page_session rose-trainer /dashboard
scenario directory-light 1 "$(( duration / 2 ))" "$base/directory?$directory_query" -H "Cookie: $cookie"
scenario directory "$connections" "$duration" "$base/directory?$directory_query" -H "Cookie: $cookie"
export BENCH_MODE=post BENCH_EXPECT=201 BENCH_CLIENTS BENCH_TODAY=$today_days
BENCH_CLIENTS=$(post_clients)
export BENCH_RUN; BENCH_RUN=$(printf '%08x' $(( $(date +%s) & 0xffffffff )))
scenario check-off "$connections" "$duration" "$base/api/v1/assignments"
unset BENCH_MODE BENCH_EXPECT
if [ -n "$ab_rev" ]; then
  say "A/B: writing $results"
  declare -A rss_mb=()
  declare -A code_mb=()
  for side in A B; do
    use_side "$side"; rss_mb[$side]=$(( $(memory_kb VmRSS) / 1024 ))
    # The JIT's code: the code heaps in use (Compiler.codecache), as a JVM option may change it.
    code_mb[$side]=$("$jcmd" "$app_pid" Compiler.codecache 2>/dev/null | grep -oE '(^| )used=[0-9]+Kb' | grep -oE '[0-9]+' \
      | awk '{ kb += $1 } END { printf "%d", kb / 1024 }')
    stop_app; side_pid[$side]=
  done
  ab() { jq -r "$2" "$work/out/$1.row.json"; }
  {
    echo "# A/B: the work tree (A) against $ab_rev (B)"
    echo
    echo "\`deploy/bench/run.sh\` with BENCH_AB=$ab_rev, $(date -u '+%Y-%m-%d %H:%M UTC'): both builds ran at once against the same database"
    echo "and Keycloak and took turns scenario by scenario, each with ${warmup} to ${warmup_max} s of warm-up and ${duration} s measured at"
    echo "$connections connections. JVM options: \`$java_opts\`${malloc_arena_max:+, MALLOC_ARENA_MAX=$malloc_arena_max}. Load average before: $load_at_start."
    echo
    echo "Each scenario ran $ab_rounds round(s), the order swapped each time (A B, B A, ...); the figures are their mean, and the"
    echo "last column gives each round's A / B."
    echo
    echo "| scenario | A req/s | B req/s | A / B | A p99 ms | B p99 ms | A app CPU ms/req | B app CPU ms/req | errors A / B | A / B by round |"
    echo "| --- | --: | --: | --: | --: | --: | --: | --: | --- | --- |"
    for key in "${scenario_names[@]}"; do
      printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s |\n' "$key" "$(ab "$key.A" '.rps | round')" "$(ab "$key.B" '.rps | round')" \
        "$(jq -rn --argjson a "$(ab "$key.A" .rps)" --argjson b "$(ab "$key.B" .rps)" '$a / $b * 100 | round / 100')" \
        "$(ab "$key.A" '.p99_ms * 10 | round / 10')" "$(ab "$key.B" '.p99_ms * 10 | round / 10')" \
        "$(ab "$key.A" '.app_cpu_ms * 100 | round / 100')" "$(ab "$key.B" '.app_cpu_ms * 100 | round / 100')" \
        "$(ab "$key.A" '.bad_status + .socket_errors + .timeouts')" "$(ab "$key.B" '.bad_status + .socket_errors + .timeouts')" \
        "$(jq -rn --slurpfile a "$work/out/$key.A.row.json" --slurpfile b "$work/out/$key.B.row.json" \
            '[range($a[0].rounds | length) | $a[0].rounds[.] / $b[0].rounds[.] * 100 | round / 100] | map(tostring) | join(", ")')"
    done
    echo
    echo "RSS after the run: A ${rss_mb[A]} MB, B ${rss_mb[B]} MB; code heaps in use: A ${code_mb[A]} MB, B ${code_mb[B]} MB.${BENCH_AB_JAVA_OPTS_A:+ A ran with \`$BENCH_AB_JAVA_OPTS_A\` besides.}${production_opts:+ A ran with an AOT cache trained in this run, B without.}"
  } >"$results"
  cat "$results"
  say "done"
  exit 0
fi
rss_end_kb=$(memory_kb VmRSS) rss_anon_kb=$(memory_kb RssAnon) rss_file_kb=$(memory_kb RssFile)
echo "RSS after the run: $((rss_end_kb / 1024)) MB (anonymous $((rss_anon_kb / 1024)) MB, file-backed $((rss_file_kb / 1024)) MB)"
# Where the memory is: the heap always; the JVM's own areas too when BENCH_JAVA_OPTS turns on native memory tracking
# (-XX:NativeMemoryTracking=summary).
{ "$jcmd" "$app_pid" GC.heap_info; case "$java_opts" in *NativeMemoryTracking*) "$jcmd" "$app_pid" VM.native_memory summary ;; esac; } \
  >"$work/out/memory.txt" 2>&1 || true
# What the heap holds, live objects only (this collects the heap, so it comes after the RSS above).
"$jcmd" "$app_pid" GC.class_histogram 2>/dev/null | head -n 45 >"$work/out/heap-histogram.txt" || true
cp "/proc/$app_pid/smaps" "$work/out/smaps.txt" 2>/dev/null || true
stop_app

# ---- 6. SQL statements per page ----------------------------------------------------------------------------------------
say "SQL statements per page (app restarted with its schedulers off; pg_stat_statements)"
# Every statement of the app's connections goes to PostgreSQL's log from their start (a role's setting applies to new
# connections only): step 7b's floor runs one request's statements of each page (capture_work below).
psql_su -c "alter role backline_app set log_min_duration_statement = 0" >/dev/null
start_app count "${production_opts[@]}" -Dquarkus.scheduler.enabled=false
startup_second_ms=$startup_ms
started_in_second=$(started_in count)
before_request= # a function to call before each counted request (the check-off writes a new body)
count_statements() { # label header url [curl args...] → statements per request (5 requests)
  local label=$1 header=$2 url=$3; shift 3
  local n=5 code i statements
  for i in 1 2; do
    [ -n "$before_request" ] && $before_request
    curl -s -o /dev/null --max-time 10 -H "$header" "$@" "$url" || true
  done
  psql_su -c "select pg_stat_statements_reset()" >/dev/null
  for i in $(seq 1 $n); do
    [ -n "$before_request" ] && $before_request
    code=$(curl -s -o "$work/out/count-$label.html" -w '%{http_code}' --max-time 10 -H "$header" "$@" "$url")
    case "$code" in 2??) ;; *) die "counting $label: $url answered $code" ;; esac
  done
  psql_su -F ' | ' -c "select calls, regexp_replace(query, '\s+', ' ', 'g') from pg_stat_statements s
      join pg_roles r on r.oid = s.userid where r.rolname = 'backline_app'
      and query !~* '^\s*(begin|commit|rollback|set|show|savepoint|release|start transaction|deallocate|discard)\M'
      -- the bodies of earthdistance's and cube's SQL functions, which PostgreSQL plans as statements of their own
      and query !~ '^SELECT ([[:punct:]]1::float8|cube[(]|cube_enlarge[(]|CASE WHEN [[:punct:]]1 < )'
      order by calls desc" >"$work/out/statements-$label.txt"
  statements=$(awk -F ' [|] ' '{s += $1} END {print s + 0}' "$work/out/statements-$label.txt")
  awk -v s="$statements" -v n="$n" 'BEGIN { v = s / n; printf (v == int(v) ? "%d" : "%.1f"), v }'
}
# For the stack's floor with the same work (step 7b): the statements of one request as PostgreSQL logged them, their
# values put back in as literals, and the answer's size.
pg_log="$work/pg/postgres.log"
mkdir -p "$work/out/work"
capture_work() { # key header url [curl args...] → $work/out/work/<key>.json: {"statements": [...], "bytes": n}
  local key=$1 header=$2 url=$3; shift 3
  local from
  from=$(stat -c %s "$pg_log")
  curl -s -o "$work/out/work/$key.body" --max-time 10 -H "$header" "$@" "$url" || true
  tail -c +$((from + 1)) "$pg_log" | python3 "$here/statements-of-request.py" "$(stat -c %s "$work/out/work/$key.body")" \
    >"$work/out/work/$key.json" || die "could not read the statements of $key from $pg_log"
}
cookie_one=$(sign_in rose-trainer2 /dashboard)
cookie_many=$(sign_in rose-trainer /dashboard)
client_one=$(sign_in rose-client4 /today)
client_many=$(sign_in rose-client1 /today)
declare -A sql
sql[flag-count]="$(count_statements flag-count-one "Cookie: $cookie_one" "$base/flags/count") | $(count_statements flag-count-many "Cookie: $cookie_many" "$base/flags/count")"
sql[baseline]="$(count_statements baseline "X-Bench: 1" "http://127.0.0.1:$management_port/q/health/live") | —"
sql[signed-out]="$(count_statements signed-out "X-Bench: 1" "$base/signed-out") | —"
sql[api-me]="$(count_statements api-me "Authorization: Bearer $(token_for rose-client1)" "$base/api/v1/me") | —"
sql[today]="$(count_statements today-one "Cookie: $client_one" "$base/today") | $(count_statements today-many "Cookie: $client_many" "$base/today")"
sql[dashboard]="$(count_statements dashboard-one "Cookie: $cookie_one" "$base/dashboard") | $(count_statements dashboard-many "Cookie: $cookie_many" "$base/dashboard")"
sql[client-page]="$(count_statements client-one "Cookie: $cookie_one" "$base/clients/$client4_id") | $(count_statements client-many "Cookie: $cookie_many" "$base/clients/$client1_id")"
sql[flags]="$(count_statements flags-one "Cookie: $cookie_one" "$base/flags") | $(count_statements flags-many "Cookie: $cookie_many" "$base/flags")"
sql[directory]="$(count_statements directory-one "Cookie: $cookie_many" "$base/directory?q=northlatch&near=97209&radius=6") | $(count_statements directory-many "Cookie: $cookie_many" "$base/directory?$directory_query")"
sql[directory-light]=${sql[directory]}
# After the counts: each page has run a few times, so these are its steady state (the membership and, until something
# counted changes, the menu's counts known from the app's copies).
capture_work flag-count "Cookie: $cookie_many" "$base/flags/count"
capture_work today "Cookie: $client_many" "$base/today"
capture_work dashboard "Cookie: $cookie_many" "$base/dashboard"
capture_work client-page "Cookie: $cookie_many" "$base/clients/$client1_id"
capture_work flags "Cookie: $cookie_many" "$base/flags"
capture_work directory "Cookie: $cookie_many" "$base/directory?$directory_query"
psql_su -c "alter role backline_app reset log_min_duration_statement" >/dev/null
post_token=$(token_for bench-post1)
post_assignment=$(head -n 1 "$BENCH_CLIENTS" | cut -d' ' -f2)
post_n=0
post_body() { # a day of its own (far back, away from the load's days) and a new key for each counted POST
  post_n=$((post_n + 1))
  printf '{"performedOn":"%s","holdSeconds":[90,85,80],"discomfort":1,"feeling":"GOOD","worseOrUnsafe":false,"idempotencyKey":"%s"}' \
    "$(date -u -d "@$(( (today_days - 8000 - post_n) * 86400 ))" +%F)" "$(cat /proc/sys/kernel/random/uuid)" >"$work/out/post-body.json"
}
before_request=post_body
sql[check-off]="$(count_statements check-off "Authorization: Bearer $post_token" "$base/api/v1/assignments/$post_assignment/sessions" \
  -H 'Content-Type: application/json' --data-binary @"$work/out/post-body.json") | —"
before_request=
stop_app

# ---- 6b. the check-off's SQL alone: the most check-offs this machine's PostgreSQL takes, with no app at all -------------
say "the check-off's SQL without the app (pgbench on 8 connections, ${duration} s)"
BENCH_WORK=$work BENCH_PG_PORT=$pg_port bash "$here/check-off-in-postgres.sh" 8 "$duration" 1 >"$work/logs/check-off-in-postgres.log" 2>&1 \
  || { tail -n 20 "$work/logs/check-off-in-postgres.log"; die "check-off-in-postgres.sh failed"; }
cat "$work/logs/check-off-in-postgres.log"
check_off_db_rps=$(awk '/^run 1:/ {print $5}' "$work/logs/check-off-in-postgres.log")

# ---- 7. the stack's floor, with Backline stopped -------------------------------------------------------------------
floor_page= floor_page_p99= floor_bearer= floor_bearer_p99=
if [ -n "$floor_line_before" ]; then
  say "the stack's floor again, after Backline's scenarios: $floor_script"
  floor_line_after=$(measure_floor floor-after)
  # The machine's speed drifts over a run (it shares its host): each ratio is to the mean of the two measurements.
  floor_mean() { awk -v a="$(floor_value "$floor_line_before" "$1")" -v b="$(floor_value "$floor_line_after" "$1")" \
    'BEGIN { printf "%.1f", (a + b) / 2 }'; }
  floor_page=$(floor_mean page) floor_page_p99=$(floor_mean page_p99)
  floor_bearer=$(floor_mean bearer) floor_bearer_p99=$(floor_mean bearer_p99)
  say "floor: signed-in page $(floor_value "$floor_line_before" page) before, $(floor_value "$floor_line_after" page) after;" \
    "bearer $(floor_value "$floor_line_before" bearer) before, $(floor_value "$floor_line_after" bearer) after"
else
  say "no floor measured (BENCH_FLOOR=$floor_script)"
fi

# ---- 7b. the stack's floor with the same work added --------------------------------------------------------------------
# The minimal app again (a copy of it, with deploy/bench/floor-work/ added), on this run's PostgreSQL and Keycloak: each
# page runs the statements Backline's page ran (captured in step 6) in one transaction, escapes every value into a Qute
# table and answers as many bytes as Backline did; its check-off parses the same JSON and runs the check-off's SQL. The
# copy with Backline's model (step 4) holds the same pages, and carries Backline's extensions and size besides, so its
# memory after the run is comparable too. It is loaded exactly as Backline was, so each of Backline's rows can be read
# against what the stack does with its work.
reference=${BENCH_REFERENCE:-model}
[ "$reference" = model ] && [ -z "$floor_model_ready" ] && reference=work
reference_ready=$floor_work_ready; [ "$reference" = model ] && reference_ready=$floor_model_ready
if [ -n "$reference_ready" ]; then
  say "the stack's floor with Backline's work added ($floor_dir + deploy/bench/floor-work$([ "$reference" = model ] && echo " + Backline's model"))"
  use_floor "$reference"
  floor_opts "$reference"
  start_app "floor-$reference" "${floor_args[@]}"
  unset BENCH_MODE BENCH_EXPECT
  cookie=$(sign_in rose-trainer /work/flag-count/json)
  measure work-flag-count "$connections" "$duration" "$base/work/flag-count/json" 1 1 -H "Cookie: $cookie"
  cookie=$(sign_in rose-client1 /work/today)
  measure work-today "$connections" "$duration" "$base/work/today" 1 1 -H "Cookie: $cookie"
  for key in dashboard client-page flags directory; do
    cookie=$(sign_in rose-trainer "/work/$key")
    measure "work-$key" "$connections" "$duration" "$base/work/$key" 1 1 -H "Cookie: $cookie"
  done
  export BENCH_MODE=post BENCH_EXPECT=201 BENCH_CLIENTS BENCH_TODAY=$today_days
  BENCH_CLIENTS=$(post_clients)
  # Days of its own: Backline's load went back from 1 and 3,000 days (a few hundred each), the counted POSTs from 8,000.
  measure work-check-off "$connections" "$duration" "$base/api/v1/assignments" 3600 6000
  unset BENCH_MODE BENCH_EXPECT
  work_rss_kb=$(memory_kb VmRSS)
  echo "floor with the $reference: RSS after its run $((work_rss_kb / 1024)) MB"
  stop_app
  use_backline
fi

# ---- 8. the tables -------------------------------------------------------------------------------------------------------
say "writing $results"
row() { jq -r "$2" "$work/out/$1.row.json"; }
baseline_rps=$(row baseline .rps)
declare -A label
label[baseline]="baseline: \`GET /q/health/live\` on the management port (no session)"
label[signed-out]="\`GET /signed-out\` (no session; a Qute page)"
label[api-me]="floor, bearer: \`GET /api/v1/me\` (rose-client1's token)"
label[flag-count]="floor, page session: \`GET /flags/count\` (rose-trainer; the badge's JSON)"
label[today]="client \"today\": \`GET /today\` (rose-client1, 2 years of sessions)"
label[dashboard]="trainer dashboard: \`GET /dashboard\` (rose-trainer, 50 clients)"
label[client-page]="client page with charts: \`GET /clients/{id}\` (rose-client1)"
label[flags]="flag queue: \`GET /flags\` (rose-trainer)"
label[directory-light]="directory search, light load (1 connection): \`GET /directory?$directory_query\`"
label[directory]="directory search: \`GET /directory?$directory_query\`"
label[check-off]="check-off: \`POST /api/v1/assignments/{id}/sessions\` (bearer; $post_users clients, a new session each)"
# The goals of docs/adr/0048, as shares of the minimal app's figure: "reference min-ratio max-p99-ms" (- for none).
declare -A goal short
goal[flag-count]="page 0.8 -"; short[flag-count]="page-session floor (\`/flags/count\`)"
goal[api-me]="bearer 0.8 -"; short[api-me]="bearer floor (\`/api/v1/me\`)"
goal[today]="page 0.5 100"; short[today]="today, 2 years of sessions"
goal[dashboard]="page 0.3 150"; short[dashboard]="dashboard, 50 clients"
goal[flags]="page 0.3 -"; short[flags]="flag queue"
goal[client-page]="page 0.15 -"; short[client-page]="client page with charts"
goal[directory]="page 0.25 -"; short[directory]="directory search, 10,000 providers, 50 connections"
goal[directory-light]="- - 50"; short[directory-light]="directory search, 1 connection"
goal[check-off]="bearer 0.4 100"; short[check-off]="check-off POST"
against_floor() { # key → "| row | req/s | p99 | ratio | goal | met |"
  local key=$1 reference min p99max rps p99 errors ratio="—" text="" ok=yes ref_rps
  read -r reference min p99max <<<"${goal[$key]}"
  rps=$(row "$key" .rps); p99=$(row "$key" .p99_ms); errors=$(row "$key" '.bad_status + .socket_errors + .timeouts')
  if [ "$reference" != - ]; then
    ref_rps=$floor_page; [ "$reference" = bearer ] && ref_rps=$floor_bearer
    text="≥ $min of the minimal $([ "$reference" = bearer ] && echo "bearer call" || echo "signed-in page")"
    if [ -n "$ref_rps" ]; then
      ratio=$(awk -v a="$rps" -v b="$ref_rps" 'BEGIN { printf "%.2f", a / b }')
      # The goal is judged on the ratio itself: 0.499 shows as 0.50 but is short of 0.5.
      awk -v a="$rps" -v r="$ref_rps" -v b="$min" 'BEGIN { exit !(a / r >= b) }' || { ok=no; ratio=$(awk -v a="$rps" -v b="$ref_rps" 'BEGIN { printf "%.3f", a / b }'); }
    else
      ok=unknown
    fi
  fi
  if [ "$p99max" != - ]; then
    text="${text:+$text, }p99 ≤ $p99max ms"
    awk -v a="$p99" -v b="$p99max" 'BEGIN { exit !(a <= b) }' || ok=no
  fi
  [ "$errors" = 0 ] || { ok=no; text="$text, 0 errors"; }
  case $ok in yes) ok=met ;; no) ok="**missed**" ;; *) ok="not measured (no floor)" ;; esac
  local with_work="—" own="—"
  if [ -f "$work/out/work-$key.row.json" ]; then
    local work_rps_value; work_rps_value=$(row "work-$key" .rps)
    with_work="$(printf '%.0f' "$work_rps_value") req/s, p99 $(row "work-$key" '.p99_ms * 10 | round / 10') ms"
    [ -n "${ref_rps:-}" ] && with_work="$with_work, **$(awk -v a="$work_rps_value" -v b="$ref_rps" 'BEGIN { printf "%.2f", a / b }')**"
    [ "$(row "work-$key" '.bad_status + .socket_errors + .timeouts')" = 0 ] || with_work="$with_work ($(row "work-$key" '.bad_status + .socket_errors + .timeouts') errors)"
    own=$(awk -v a="$rps" -v b="$work_rps_value" 'BEGIN { printf "%.2f", a / b }')
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "${short[$key]}" "$(printf '%.0f' "$rps")" "$(printf '%.1f' "$p99")" "$ratio" "$text" "$ok" "$with_work" "$own"
}
pages="" over=0 growing=0
for key in today dashboard client-page flags directory check-off; do
  [ -n "${sql[$key]:-}" ] || continue
  one=${sql[$key]%% |*}; many=${sql[$key]##*| }
  if [ "$many" = — ]; then pages="${pages:+$pages, }$key $one"; else pages="${pages:+$pages, }$key $one/$many"; fi
  awk -v a="$one" 'BEGIN { exit !(a > 4) }' && over=$((over + 1))
  [ "$many" != — ] && [ "$many" != "$one" ] && growing=$((growing + 1))
done
sql_met="met"; { [ "$over" -gt 0 ] || [ "$growing" -gt 0 ]; } && sql_met="**missed**"
awk -v a="$startup_main_ms" 'BEGIN { exit !(a <= 2000) }' && startup_met=met || startup_met="**missed**"
awk -v a="$rss_end_kb" 'BEGIN { exit !(a <= 350 * 1024) }' && rss_met=met || rss_met="**missed**"
cpu_model=$(lscpu 2>/dev/null | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')
mem_total=$(free -m | awk '/^Mem:/ {printf "%.1f GiB", $2 / 1024}')
jdk=$("$java" -version 2>&1 | head -n 1)
total_minutes=$(( ($(date +%s) - started) ))
{
  echo "# Backline benchmark results"
  echo
  echo "Latest run of \`deploy/bench/run.sh\` ($(date -u '+%Y-%m-%d %H:%M UTC'); the whole run took $((total_minutes / 60)) min $((total_minutes % 60)) s)."
  echo "App, PostgreSQL, Keycloak and the load generator (wrk, $threads threads) share one machine. Each scenario: a fresh"
  echo "sign-in through Keycloak's login pages (bearer tokens from the password grant for the API), a warm-up until the pace holds (${warmup} to ${warmup_max} s, rounds of 5 s),"
  echo "then ${duration} s measured ($((duration / 2)) s for the light load) at $connections connections."
  echo "JVM options: \`$java_opts\`${malloc_arena_max:+, MALLOC_ARENA_MAX=$malloc_arena_max}."
  echo
  echo "## Against the stack's floor"
  echo
  if [ -n "$floor_page" ]; then
    echo "The stack's minimal app (\`../shared/floor\`: Quarkus OIDC, one 20-row query, Qute or JSON), measured in the same run"
    echo "with Backline stopped, the same JVM options and wrk settings, once before Backline's scenarios and once after, as"
    echo "the host's speed drifts within a run: signed-in page $(printf '%.0f' "$(floor_value "$floor_line_before" page)") and $(printf '%.0f' "$(floor_value "$floor_line_after" page)") req/s, bearer call"
    echo "$(printf '%.0f' "$(floor_value "$floor_line_before" bearer)") and $(printf '%.0f' "$(floor_value "$floor_line_after" bearer)") req/s. Ratios are to the mean: signed-in page $(printf '%.0f' "$floor_page") req/s (p99 $floor_page_p99 ms), bearer call"
    echo "$(printf '%.0f' "$floor_bearer") req/s (p99 $floor_bearer_p99 ms). Pages are compared with its page, API calls with its bearer call."
  else
    echo "The stack's floor was not measured in this run (\`BENCH_FLOOR=$floor_script\`): no ratios."
  fi
  echo
  if [ -f "$work/out/work-today.row.json" ]; then
    [ -n "$floor_page" ] && echo
    echo "The last two columns answer \"is the goal possible\": the same minimal app with each row's work added"
    echo "(\`deploy/bench/floor-work\`), loaded right after in the same way: each page runs the statements Backline's page ran"
    echo "(logged by PostgreSQL, values in place) in one transaction, escapes every value they return into a Qute table and"
    echo "answers as many bytes as Backline's page; its check-off parses the same JSON and runs the check-off's SQL."
    [ "$reference" = model ] && echo "It also carries Backline's dependencies and a generated model of Backline's size (\`deploy/bench/floor-model\`:" \
      "entities, Renarde controllers, templates, constrained classes; no code of Backline's), as a start and a pod's memory must."
    echo "Its ratio (bold) is the most the row can reach on this stack with that work; the last column is Backline's share of it."
  fi
  echo
  echo "| row | req/s | p99 ms | ratio to the stack | goal | met | the stack with the same work: req/s, p99, **ratio** | Backline / the stack with the work |"
  echo "| --- | --: | --: | --: | --- | --- | --- | --: |"
  for key in flag-count api-me today dashboard flags client-page directory directory-light check-off; do
    [[ " ${scenario_names[*]} " == *" $key "* ]] && against_floor "$key"
  done
  if [ -n "$check_off_db_rps" ] && [[ " ${scenario_names[*]} " == *" check-off "* ]]; then
    echo "| the check-off's SQL in PostgreSQL alone (pgbench, no app, same database) | $check_off_db_rps | | $([ -n "$floor_bearer" ] && awk -v a="$check_off_db_rps" -v b="$floor_bearer" 'BEGIN { printf "%.2f", a / b }') | the ceiling of the check-off row on this machine | — | | |"
  fi
  echo "| RSS of the app after the run | $((rss_end_kb / 1024)) MB | | | ≤ 350 MB | $rss_met | ${work_rss_kb:+$((work_rss_kb / 1024)) MB after its run} | |"
  model_start_share=
  [ -n "$model_startup_ms" ] && model_start_share="$(awk -v m="$model_startup_ms" -v b="$startup_main_ms" 'BEGIN { printf "%.2f", m / b }') (the stack with the model's time / Backline's)"
  model_start_text= work_start_text=
  [ -n "$model_startup_ms" ] && model_start_text="**$model_startup_ms ms** with Backline's dependencies and a model of its size (the median of $model_startup_all_ms; $model_startup_cpu_ms ms of CPU); "
  [ -n "$work_startup_ms" ] && work_start_text="$work_startup_ms ms with its request work only (the median of $work_startup_all_ms; $work_startup_cpu_ms ms of CPU); started in turn with Backline"
  echo "| startup to the first 200 (external PostgreSQL, JVM$([ ${#production_opts[@]} -gt 0 ] && echo ", AOT cache")) | $startup_main_ms ms (the median of $startup_all_ms; $startup_main_cpu_ms ms of CPU) | | | ≤ 2.0 s | $startup_met | $model_start_text$work_start_text | $model_start_share |"
  echo "| SQL statements per page (1 item / many) | $pages | | | ≤ 4, the same for 1 item and many | $sql_met | | |"
  echo
  echo "## Every scenario"
  echo
  echo "| scenario | connections | warm-up s | req/s | ratio to baseline | p50 ms | p99 ms | errors | app CPU ms/req | PostgreSQL CPU ms/req | CPU % of the 2 cores: app / PostgreSQL / rest | SQL statements/page (1 item \\| many) |"
  echo "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- | --- |"
  for key in "${scenario_names[@]}"; do
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "${label[$key]}" "$(row "$key" .conns)" "$(row "$key" .warmup_s)" \
      "$(row "$key" '.rps | round')" "$(jq -rn --argjson a "$(row "$key" .rps)" --argjson b "$baseline_rps" '$a / $b * 1000 | round / 1000')" \
      "$(row "$key" '.p50_ms * 10 | round / 10')" "$(row "$key" '.p99_ms * 10 | round / 10')" \
      "$(row "$key" '(.bad_status + .socket_errors + .timeouts | tostring) + (if .bad_codes != "" then " (status " + .bad_codes + ")" else "" end)')" \
      "$(row "$key" '.app_cpu_ms * 100 | round / 100')" "$(row "$key" '.pg_cpu_ms * 100 | round / 100')" \
      "$(row "$key" '"\(.app_pct | round) / \(.pg_pct | round) / \(.rest_pct | round)"')" \
      "$(sed 's/ | / \\| /' <<<"${sql[$key]:-—}")"
  done
  echo
  echo "SQL statements are counted by PostgreSQL (pg_stat_statements: every statement of the backline_app role except"
  echo "BEGIN/COMMIT/SET, the sign-in's membership query included), averaged over 5 requests, with the app restarted and"
  echo "its schedulers off. \"1 item\" / \"many\": today for rose-client4 (1 session) / rose-client1 ($client1_sessions sessions);"
  echo "dashboard for rose-trainer2 (1 client) / rose-trainer (50 clients); client page of rose-client4 / rose-client1;"
  echo "flag queue of rose-trainer2 (1 open flag) / rose-trainer (a full page of 25); directory \`q=northlatch\` (1 hit) /"
  echo "\`q=deep tissue\` (a full page of 20)."
  echo
  echo "Startup: launch to the first 200 (\`/q/health/live\`), external PostgreSQL, data loaded, as a pod starts (Flyway off: the migration step, run once before, took ${migrate_ms:-?} ms on the empty database)$([ ${#production_opts[@]} -gt 0 ] && echo ", with the AOT cache trained on this run's first pod start, as the image runs it"); built with \`${build_args:-the default packaging}\`: the median of ${#starts[@]} starts ($startup_all_ms ms), taken in turn with the floor apps' (with the model: ${model_startup_all_ms:-not run} ms; with the work: ${work_startup_all_ms:-not run} ms) after a checkpoint, $startup_main_ms ms (Quarkus \"started in\" ${started_in_main} s); second start $startup_second_ms ms (${started_in_second} s)$([ -n "$startup_cold_ms" ] && echo "; without the AOT cache $startup_cold_ms ms (${started_in_cold} s)")."
  echo "RSS after the run: $((rss_end_kb / 1024)) MB, $((rss_anon_kb / 1024)) MB anonymous and $((rss_file_kb / 1024)) MB file-backed (after start: $((rss_start_kb / 1024)) MB)."
  echo
  if [ -f "$work/logs/app-steps.log" ]; then
    echo "## Where the start goes"
    echo
    echo "Quarkus's own timing of each step of one more start of each app (\`-Dquarkus.debug.print-startup-times=true\`, not"
    echo "counted above), the steps that took 20 ms or more in any. The floor with the model is the stack's minimal app with"
    echo "Backline's dependencies (its extensions) and a generated model of Backline's size (\`deploy/bench/floor-model\`:"
    echo "entities, Renarde controllers with type-checked templates, constrained forms and parameters, no code of Backline's);"
    echo "the floor with the work is the minimal app with Backline's request work added (below). What each app holds:"
    echo "$(app_size "$repo") for Backline; $(app_size "$work/floor-model") for the floor with the model;"
    echo "$(app_size "$work/floor-work") for the floor with the work."
    echo
    echo "| step | Backline ms | floor with the model ms | floor with the work ms |"
    echo "| --- | --: | --: | --: |"
    startup_steps_table "$work/logs/app-steps.log" "$work/logs/floor-model-steps.log" "$work/logs/floor-work-steps.log"
    echo
  fi
  echo "Data (\`deploy/bench/generate.sql\`, seed $seed, generated in $gen_seconds s): $n_clinics clinics, $n_trainers trainers, $n_clients clients,"
  echo "$n_sessions sessions over two years, $n_flags flags, $n_referrals referrals, $n_providers providers; database $db_size_a $db_size_b. For the check-off, $post_users more clients (and their Keycloak users) each check off their own sessions."
  echo
  echo "Machine: $(nproc) cores ($cpu_model), $mem_total memory; $jdk; PostgreSQL $pg_version (shared_buffers 512MB,"
  echo "otherwise defaults); Keycloak at $kc_url; wrk $(wrk --version 2>&1 | head -n 1 | awk '{print $2}'), $threads threads. Load average before the run: $load_at_start."
  echo "The CPU column splits both cores' time during each measured scenario: the app, PostgreSQL, and the rest (wrk,"
  echo "Keycloak, and anything else running on the machine then); the load average during a scenario counts the"
  echo "benchmark's own busy threads, so it is not a measure of interference."
  echo
  echo "Command: \`deploy/bench/run.sh\` (knobs at the top of the script)."
} >"$results"
cat "$results"
say "done"
