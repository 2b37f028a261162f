# Sourced by try-image.sh and aot-image.sh: runs an image tarball (`docker save` format) without a container engine,
# by unpacking its layers into a folder and starting its entrypoint there with chroot, as the image's user, with the
# image's environment and working directory plus the BACKLINE_*, QUARKUS_* and JAVA_TOOL_OPTIONS variables of the calling shell
# (root is needed for chroot; the host's network, so localhost is the host's).
#
#   unpack_image IMAGE.tar    sets image_work, image_root, image_config, image_user, image_workdir, image_env,
#                             image_java, image_args
#   start_image LOG [JVM options...]    starts the entrypoint (the options go before its own); sets image_pid
#   stop_image                          SIGTERM, then waits for the JVM (and anything it writes at exit)
#   wait_ready PORT SECONDS             until /q/health/ready answers 200 (prints it); fails if the app exits

image_work=$(mktemp -d)
image_cleanup() {
  set +e
  stop_image
  if [ -n "${image_mounted:-}" ]; then umount "$image_root/proc" "$image_root/dev" || true; fi
  # Never delete through a mount that is still there (the host's /dev is bound into the folder).
  if mountpoint -q "$image_root/dev" || mountpoint -q "$image_root/proc"; then
    echo "left $image_work in place: a mount is still active there" >&2
  else
    rm -rf --one-file-system "$image_work"
  fi
}
trap image_cleanup EXIT

unpack_image() {
  local image=$1 dir var
  [ "$(id -u)" = 0 ] || { echo "chroot needs root" >&2; exit 1; }
  image_root="$image_work/root"
  mkdir -p "$image_work/image" "$image_root"
  tar -C "$image_work/image" -xf "$image"
  for layer in $(jq -r '.[0].Layers[]' "$image_work/image/manifest.json"); do
    tar -C "$image_root" --warning=no-unknown-keyword -xf "$image_work/image/$layer"
  done
  image_config="$image_work/image/$(jq -r '.[0].Config' "$image_work/image/manifest.json")"
  image_user=$(jq -r '.config.User // "0"' "$image_config")
  image_workdir=$(jq -r '.config.WorkingDir // "/"' "$image_config")
  mapfile -t image_env < <(jq -r '.config.Env[]' "$image_config")
  local entrypoint
  mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$image_config")
  echo "image: $(jq -r '.[0].RepoTags[0]' "$image_work/image/manifest.json"), user $image_user, workdir $image_workdir, entrypoint ${entrypoint[*]}"
  for var in $(compgen -e | grep -E "^(BACKLINE_|QUARKUS_|JAVA_TOOL_OPTIONS$)"); do image_env+=("$var=${!var}"); done
  # The image has no shell: resolve java on the image's PATH and give the jar its absolute path (the working directory).
  image_java=/opt/java/bin/java
  for dir in $(printf '%s\n' "${image_env[@]}" | sed -n 's/^PATH=//p' | tr ':' ' '); do
    [ -x "$image_root$dir/${entrypoint[0]}" ] && { image_java="$dir/${entrypoint[0]}"; break; }
  done
  image_args=("${entrypoint[@]:1}")
  local i
  for i in "${!image_args[@]}"; do [[ ${image_args[$i]} == *.jar ]] && image_args[$i]="$image_workdir/${image_args[$i]}"; done
  mkdir -p "$image_root/proc" "$image_root/dev"
  mount -t proc proc "$image_root/proc"
  mount --bind /dev "$image_root/dev"
  image_mounted=1
}

start_image() {
  local log=$1; shift
  env -i "${image_env[@]}" HOME="$image_workdir" "$(command -v chroot)" --userspec="$image_user:$image_user" "$image_root" \
    "$image_java" "$@" "${image_args[@]}" >"$log" 2>&1 &
  image_pid=$!
}

stop_image() {
  if [ -n "${image_pid:-}" ]; then
    kill "$image_pid" 2>/dev/null || true
    wait "$image_pid" 2>/dev/null || true # 143: it ended on SIGTERM, as asked
    image_pid=
  fi
}

wait_ready() {
  local port=$1 seconds=$2
  for _ in $(seq 1 "$seconds"); do
    if curl -sf --max-time 2 "http://127.0.0.1:$port/q/health/ready"; then echo; return 0; fi
    kill -0 "$image_pid" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}
