#!/usr/bin/env bash
# Runs the image tarball without a container engine, to check it: unpacks its layers into a folder and starts its
# entrypoint there with chroot, as uid 185, with the image's environment and working directory, plus the BACKLINE_*
# variables of this shell (needs root for chroot; the host's network, so localhost is the host's).
#
#   BACKLINE_DB_URL=... BACKLINE_KEYCLOAK_URL=... deploy/kubernetes/image/try-image.sh [IMAGE.tar] [-- extra java args]
#
# It waits for /q/health/ready on port 8080 (or $QUARKUS_HTTP_PORT), prints it, and stops the app.
set -euo pipefail
image=${1:-target/backline-image.tar}
[ "$(id -u)" = 0 ] || { echo "chroot needs root" >&2; exit 1; }
work=$(mktemp -d)
cleanup() {
  set +e
  if [ -n "${app:-}" ]; then kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; fi
  if [ -n "${mounted:-}" ]; then umount "$work/root/proc" "$work/root/dev" || true; fi
  # Never delete through a mount that is still there (the host's /dev is bound into the folder).
  if mountpoint -q "$work/root/dev" || mountpoint -q "$work/root/proc"; then
    echo "left $work in place: a mount is still active there" >&2
  else
    rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT
mkdir -p "$work/image" "$work/root"
tar -C "$work/image" -xf "$image"
for layer in $(jq -r '.[0].Layers[]' "$work/image/manifest.json"); do
  tar -C "$work/root" --warning=no-unknown-keyword -xf "$work/image/$layer"
done
config="$work/image/$(jq -r '.[0].Config' "$work/image/manifest.json")"
user=$(jq -r '.config.User // "0"' "$config")
workdir=$(jq -r '.config.WorkingDir // "/"' "$config")
mapfile -t env < <(jq -r '.config.Env[]' "$config")
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
echo "image: $(jq -r '.[0].RepoTags[0]' "$work/image/manifest.json"), user $user, workdir $workdir, entrypoint ${entrypoint[*]}"
port=${QUARKUS_HTTP_PORT:-8080}
for var in $(compgen -e | grep -E '^(BACKLINE_|QUARKUS_)'); do env+=("$var=${!var}"); done
# The image has no shell: resolve java on the image's PATH and give the jar its absolute path (the working directory).
java_path=/opt/java/bin/java
for dir in $(printf '%s\n' "${env[@]}" | sed -n 's/^PATH=//p' | tr ':' ' '); do
  [ -x "$work/root$dir/${entrypoint[0]}" ] && { java_path="$dir/${entrypoint[0]}"; break; }
done
args=("${entrypoint[@]:1}")
for i in "${!args[@]}"; do [[ ${args[$i]} == *.jar ]] && args[$i]="$workdir/${args[$i]}"; done
mkdir -p "$work/root/proc" "$work/root/dev"
mount -t proc proc "$work/root/proc"
mount --bind /dev "$work/root/dev"
mounted=1
env -i "${env[@]}" HOME="$workdir" "$(command -v chroot)" --userspec="$user:$user" "$work/root" "$java_path" "${args[@]}" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do
  if curl -sf --max-time 2 "http://127.0.0.1:$port/q/health/ready" >"$work/ready.json"; then
    echo "ready after start:"; cat "$work/ready.json"; echo
    grep -o '"message":"[^"]*started in[^"]*"' "$work/app.log" || true
    exit 0
  fi
  kill -0 "$app" 2>/dev/null || break
  sleep 1
done
echo "the image did not get ready; its log:" >&2
tail -n 40 "$work/app.log" >&2
exit 1
