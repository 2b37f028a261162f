#!/usr/bin/env bash
# Adds an AOT cache (JDK 25+: JEP 483/514, classes loaded and linked) to the app image, so a pod starts in about half
# the time. It keeps no method profiles (JEP 515): the training run's few requests made C2 compile the pages on
# profiles that load then contradicts, 10 to 26 % fewer pages a second for good (docs/adr/0058). Build the image from the aot-jar packaging (every class on the JDK's own class
# loaders, which the cache needs), then:
#
#   BACKLINE_DB_URL=... BACKLINE_KEYCLOAK_URL=... deploy/kubernetes/image/aot-image.sh [IN.tar] [OUT.tar]
#
# (defaults: target/backline-image.tar, rewritten in place). It runs the image's own entrypoint as a container
# runtime would (image-chroot.sh: its jlinked Java runtime, its files, its working directory, uid 185; the cache is
# only valid for the runtime and the jars it was made with, and Jib gives every file the same fixed time, so they
# match in any pod), with the JVM options of the pod (JAVA_TOOL_OPTIONS of deploy/kubernetes/base/app-configmap.yaml),
# until ready; asks for a few pages; stops it, which writes the cache; then writes the image again with one more
# layer (/home/jboss/app.aot) and -XX:AOTCache in its entrypoint. A JVM that finds the cache unusable (another CPU,
# other options) says so in its log and starts without it. The entrypoint must be `java ... -jar ...` (Jib's, on a
# plain Java base image).
#
# The training run needs a PostgreSQL and a Keycloak, as try-image.sh: give it a throwaway database (the image's own
# migration step brings it to this image's schema first) and a Keycloak with the realm, never production's.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
in=${1:-target/backline-image.tar}
out=${2:-$in}
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
# shellcheck source=image-chroot.sh
. "$here/image-chroot.sh"
port=${QUARKUS_HTTP_PORT:-8080}
management_port=${QUARKUS_MANAGEMENT_PORT:-9000} # health answers there in production
port_free "$port" # else the readiness check could be answered by whatever listens there
port_free "$management_port"
unpack_image "$in"
[ "$(basename "${image_entrypoint[0]}")" = java ] || { echo "the entrypoint must start with java" >&2; exit 1; }
if printf '%s\n' "${image_entrypoint[@]}" | grep -q -- '-XX:AOTCache'; then
  echo "$in already has an AOT cache: build the image again, then add one" >&2
  exit 1
fi
cache="$image_workdir/app.aot"
pod_options=$(sed -n 's/^ *JAVA_TOOL_OPTIONS: *//p' "$here/../base/app-configmap.yaml")
[ -n "$pod_options" ] || { echo "no JAVA_TOOL_OPTIONS in app-configmap.yaml" >&2; exit 1; }
image_env+=("JAVA_TOOL_OPTIONS=$pod_options")

# The migration Job's step first (docs/adr/0060), then the training run starts as a pod does: Flyway off.
echo "migration step (QUARKUS_INIT_AND_EXIT)"
base_env=("${image_env[@]}")
image_env=("${base_env[@]}" QUARKUS_INIT_AND_EXIT=true)
start_image "$image_work/migrate.log"
wait "$image_pid" || { tail -n 40 "$image_work/migrate.log" >&2; echo "the migration step failed" >&2; exit 1; }
image_pid=
image_env=("${base_env[@]}" QUARKUS_FLYWAY_ACTIVE=false)
echo "training run (JAVA_TOOL_OPTIONS=$pod_options)"
log="$image_work/training.log"
start_image "$log" -XX:AOTCacheOutput="$cache" -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining
wait_ready "$management_port" 180 >/dev/null || { tail -n 40 "$log" >&2; echo "the training run did not get ready" >&2; exit 1; }
grep -q 'started in' "$log" || { tail -n 40 "$log" >&2; echo "the training run's log shows no start" >&2; exit 1; }
# What every start and a first visitor go through: health, a page without a session, the redirect to the login,
# an API call without a token, the stylesheet.
for path in /q/health/ready /q/health/live; do
  for _ in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$management_port$path"; done
done
for path in /signed-out / /today /clients /api/v1/me /css/app.css /js/hold-timer.js; do
  for _ in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$port$path"; done
done
stop_image
[ -s "$image_root$cache" ] || { tail -n 20 "$log" >&2; echo "no AOT cache was written" >&2; exit 1; }
echo "AOT cache: $(du -h "$image_root$cache" | cut -f1)"

# One more layer: the cache, owned by uid 185, with Jib's fixed time. (The cache itself differs from one training run
# to the next, so the layer's digest does too.)
layers="$image_work/image"
tar -C "$image_root" --sort=name --mtime=@1 --numeric-owner --owner=185 --group=185 --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -cf "$layers/aot-layer.tar" ".$cache"
digest=$(sha256sum "$layers/aot-layer.tar" | cut -d' ' -f1) # the diff id: of the layer uncompressed
gzip -n "$layers/aot-layer.tar"
mv "$layers/aot-layer.tar.gz" "$layers/$digest.tar.gz"
jq --arg d "sha256:$digest" --arg cache "$cache" '
  .rootfs.diff_ids += [$d]
  | .history += [{"created": "1970-01-01T00:00:01Z", "created_by": "aot-image.sh: AOT cache from a training run"}]
  | .config.Entrypoint = [.config.Entrypoint[0], ("-XX:AOTCache=" + $cache)] + .config.Entrypoint[1:]' \
  "$image_config" >"$layers/config.new"
config_digest=$(sha256sum "$layers/config.new" | cut -d' ' -f1)
rm "$image_config"
mv "$layers/config.new" "$layers/$config_digest.json"
jq --arg c "$config_digest.json" --arg l "$digest.tar.gz" '.[0].Config = $c | .[0].Layers += [$l]' \
  "$layers/manifest.json" >"$layers/manifest.new" && mv "$layers/manifest.new" "$layers/manifest.json"
# Entries named as Jib names them (no "./"): registry tools look manifest.json up by its exact name.
mapfile -t entries < <(jq -r '.[0].Config, .[0].Layers[]' "$layers/manifest.json")
tar -C "$layers" --mtime=@1 --owner=0 --group=0 -cf "$out.part" manifest.json "${entries[@]}"
mv "$out.part" "$out"
echo "image with the AOT cache: $out ($(du -h "$out" | cut -f1)); entrypoint $(jq -c .config.Entrypoint "$layers/$config_digest.json")"
