#!/usr/bin/env bash
# Runs the image tarball without a container engine, to check it: unpacks its layers into a folder and starts its
# entrypoint there as a container runtime would (chroot, the image's working directory, uid 185, the image's
# environment plus the BACKLINE_*, QUARKUS_* and JAVA_TOOL_OPTIONS variables of this shell; root and python3 needed;
# the host's network, so localhost is the host's).
#
#   BACKLINE_DB_URL=... BACKLINE_KEYCLOAK_URL=... deploy/kubernetes/image/try-image.sh [IMAGE.tar]
#
# It waits for /q/health/ready on port 8080 (or $QUARKUS_HTTP_PORT), prints it, the start time and any AOT cache
# warning, and stops the app.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=image-chroot.sh
. "$here/image-chroot.sh"
port=${QUARKUS_HTTP_PORT:-8080}
management_port=${QUARKUS_MANAGEMENT_PORT:-9000} # health answers there in production
port_free "$port"
port_free "$management_port"
unpack_image "${1:-target/backline-image.tar}"
log="$image_work/app.log"
start_image "$log"
if wait_ready "$management_port" 120; then
  grep -o '"message":"[^"]*started in[^"]*"' "$log" || true
  grep -i 'aot' "$log" | grep -iv '"message"' || true # the JVM's own words when it cannot use the cache
  [ -n "${TRY_IMAGE_LOG:-}" ] && cp "$log" "$TRY_IMAGE_LOG"
  exit 0
fi
echo "the image did not get ready; its log:" >&2
tail -n 40 "$log" >&2
exit 1
