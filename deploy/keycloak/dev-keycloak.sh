#!/usr/bin/env bash
# Runs the real Keycloak that dev mode and the tests sign in against, unpacked by the build from
# Maven Central's keycloak-quarkus-dist zip. No Docker engine is needed.
#
#   dev-keycloak.sh start <keycloak-home> [pid-to-outlive]   start unless one already answers; wait until ready
#   dev-keycloak.sh stop  <keycloak-home>                    stop the one this script started, if any
#
# The realm is imported from deploy/keycloak/backline-realm.json into an in-memory database, so every start
# begins from the realm as code; its password blocklist (deploy/keycloak/password-blocklist) is copied to where
# production mounts it, <home>/data/password-blacklists; the realm's theme (deploy/keycloak/themes/backline) is
# linked into <home>/themes, so an edit shows at the next page load (start-dev caches no theme). A watchdog stops
# Keycloak once the process that asked for it (Maven, or the test JVM) is gone, so no Keycloak outlives the build or
# dev session that started it.
set -euo pipefail

command=${1:?usage: dev-keycloak.sh start|stop <keycloak-home> [pid]}
home=${2:?keycloak home missing}
owner=${3:-$PPID}
port=${KEYCLOAK_PORT:-8180}
here=$(cd "$(dirname "$0")" && pwd)
pidfile="$home/keycloak.pid"
log="$home/keycloak.log"
discovery="http://localhost:$port/realms/backline/.well-known/openid-configuration"

ready() { curl -sf -o /dev/null --max-time 2 "$discovery"; }

case "$command" in
  start)
    if ready; then
      echo "Keycloak already answers on port $port: reusing it."
      exit 0
    fi
    if [ ! -x "$home/bin/kc.sh" ]; then
      echo "No Keycloak under $home: run './mvnw generate-resources' (or any build) first." >&2
      exit 1
    fi
    mkdir -p "$home/data/import" "$home/data/password-blacklists"
    cp "$here/backline-realm.json" "$home/data/import/"
    cp "$here"/password-blocklist/*.txt "$home/data/password-blacklists/"
    ln -sfn "$here/themes/backline" "$home/themes/backline"
    echo "Starting Keycloak on port $port (log: $log) ..."
    KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin} \
    KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin} \
      nohup "$home/bin/kc.sh" start-dev --http-port="$port" --import-realm --db=dev-mem \
        --hostname-strict=false >"$log" 2>&1 </dev/null &
    kc=$!
    echo "$kc" >"$pidfile"
    # Watchdog: when the owner exits, take Keycloak down with it.
    nohup bash -c "while kill -0 $owner 2>/dev/null && kill -0 $kc 2>/dev/null; do sleep 2; done; kill -CONT $kc 2>/dev/null; kill -TERM $kc 2>/dev/null; rm -f '$pidfile'" \
      >/dev/null 2>&1 </dev/null &
    for _ in $(seq 1 240); do
      if ready; then
        echo "Keycloak is ready on http://localhost:$port (pid $kc)."
        exit 0
      fi
      if ! kill -0 "$kc" 2>/dev/null; then
        echo "Keycloak exited during start; the end of its log:" >&2
        tail -n 40 "$log" >&2
        exit 1
      fi
      sleep 1
    done
    echo "Keycloak did not become ready within 240 s; see $log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$pidfile" ]; then
      kc=$(cat "$pidfile")
      kill -CONT "$kc" 2>/dev/null || true # a test may have stopped it (SIGSTOP); a stopped process ignores TERM
      kill -TERM "$kc" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$kc" 2>/dev/null || break; sleep 1; done
      rm -f "$pidfile"
      echo "Keycloak (pid $kc) stopped."
    fi
    ;;
  *)
    echo "unknown command: $command" >&2
    exit 2
    ;;
esac
