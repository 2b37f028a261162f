#!/usr/bin/env bash
# Dev mode's mail catcher: a real SMTP server (GreenMail standalone, from Maven Central) on localhost:3025, where
# both Backline and Keycloak's realm send their mail. Read what arrived, per recipient, at
#   http://localhost:8025/api/user/<address>/messages/INBOX
#
#   dev-mail.sh start <greenmail-standalone.jar> [pid-to-outlive]
#
# Only `./mvnw quarkus:dev` needs it: the test suite runs its own in-process GreenMail on the same port, so when the
# build is not dev mode this script does nothing.
set -euo pipefail

command=${1:?usage: dev-mail.sh start <jar> [pid]}
jar=${2:?greenmail-standalone jar missing}
owner=${3:-$PPID}

if [ "$command" != start ]; then
  echo "unknown command: $command" >&2
  exit 2
fi
if ! ps -o args= -p "$owner" 2>/dev/null | grep -q "quarkus:dev"; then
  exit 0
fi
if (exec 3<>/dev/tcp/127.0.0.1/3025) 2>/dev/null; then
  echo "An SMTP server already answers on port 3025: reusing it."
  exit 0
fi
log="$(dirname "$jar")/greenmail.log"
echo "Starting the dev mail catcher (SMTP localhost:3025, mail at http://localhost:8025/api/user/<address>/messages/INBOX)"
nohup "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
  -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8025 \
  -jar "$jar" >"$log" 2>&1 </dev/null &
mail=$!
# Watchdog: the catcher goes when dev mode goes.
nohup bash -c "while kill -0 $owner 2>/dev/null && kill -0 $mail 2>/dev/null; do sleep 2; done; kill -TERM $mail 2>/dev/null" \
  >/dev/null 2>&1 </dev/null &
for _ in $(seq 1 60); do
  if (exec 3<>/dev/tcp/127.0.0.1/3025) 2>/dev/null; then
    echo "Mail catcher ready (pid $mail)."
    exit 0
  fi
  sleep 0.5
done
echo "The mail catcher did not start; see $log" >&2
exit 1
