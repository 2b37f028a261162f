#!/usr/bin/env bash
# Runs the image tarball without a container engine, to check it: unpacks its layers into a folder and starts its
# entrypoint there with chroot, as uid 185, with the image's environment and working directory, plus the BACKLINE_*
# variables of this shell (needs root for chroot; the host's network, so localhost is the host's).
#
#   BACKLINE_DB_URL=... BACKLINE_KEYCLOAK_URL=... deploy/kubernetes/image/try-image.sh [IMAGE.tar]
#
# It waits for /q/health/ready on port 8080 (or $QUARKUS_HTTP_PORT), prints it and the start time, and stops the app.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=image-chroot.sh
. "$here/image-chroot.sh"
unpack_image "${1:-target/backline-image.tar}"
log="$image_work/app.log"
start_image "$log"
if wait_ready "${QUARKUS_HTTP_PORT:-8080}" 120; then
  grep -o '"message":"[^"]*started in[^"]*"' "$log" || true
  grep -i 'AOT cache\|AOTCache' "$log" || true
  exit 0
fi
echo "the image did not get ready; its log:" >&2
tail -n 40 "$log" >&2
exit 1
