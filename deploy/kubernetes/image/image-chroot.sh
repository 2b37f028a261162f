# Sourced by try-image.sh and aot-image.sh: runs an image tarball (`docker save` format) without a container engine,
# as a container runtime would: its layers unpacked into a folder, then its entrypoint, unchanged, started there with
# chroot, in the image's working directory, as the image's user, with the image's environment plus the BACKLINE_*,
# QUARKUS_* and JAVA_TOOL_OPTIONS variables of the calling shell (root is needed for chroot, and python3 to enter it;
# the host's network, so localhost is the host's).
#
#   unpack_image IMAGE.tar    sets image_work, image_root, image_config, image_user, image_workdir, image_env,
#                             image_entrypoint
#   start_image LOG [JVM options...]    starts the entrypoint (the options right after `java`); sets image_pid
#   stop_image                          SIGTERM, then waits for the JVM (and anything it writes at exit)
#   wait_ready PORT SECONDS             until /q/health/ready answers 200 on that (management) port (prints it); fails if the app exits
#   port_free PORT                      fails when something already listens there

image_work=$(mktemp -d)
image_root="$image_work/root"
image_mounted=
image_pid=
image_cleanup() {
  set +e
  stop_image
  if [ -n "$image_mounted" ]; then umount "$image_root/proc" "$image_root/dev" 2>/dev/null; fi
  # Never delete through a mount that is still there (the host's /dev is bound into the folder).
  if mountpoint -q "$image_root/dev" || mountpoint -q "$image_root/proc"; then
    echo "left $image_work in place: a mount is still active there" >&2
  else
    rm -rf --one-file-system "$image_work"
  fi
}
trap image_cleanup EXIT

unpack_image() {
  local image=$1 var layer
  [ "$(id -u)" = 0 ] || { echo "chroot needs root" >&2; exit 1; }
  command -v python3 >/dev/null || { echo "python3 is needed to enter the image" >&2; exit 1; }
  mkdir -p "$image_work/image" "$image_root"
  tar -C "$image_work/image" -xf "$image"
  for layer in $(jq -r '.[0].Layers[]' "$image_work/image/manifest.json"); do
    tar -C "$image_root" --warning=no-unknown-keyword -xf "$image_work/image/$layer"
  done
  image_config="$image_work/image/$(jq -r '.[0].Config' "$image_work/image/manifest.json")"
  image_user=$(jq -r '.config.User // "0"' "$image_config")
  [[ $image_user =~ ^[0-9]+(:[0-9]+)?$ ]] || { echo "the image's user must be numeric (uid or uid:gid), not $image_user" >&2; exit 1; }
  image_workdir=$(jq -r '.config.WorkingDir // "/"' "$image_config")
  mapfile -t image_env < <(jq -r '.config.Env[]' "$image_config")
  mapfile -t image_entrypoint < <(jq -r '.config.Entrypoint[]' "$image_config")
  echo "image: $(jq -r '.[0].RepoTags[0]' "$image_work/image/manifest.json"), user $image_user, workdir $image_workdir, entrypoint ${image_entrypoint[*]}"
  for var in $(compgen -e | grep -E '^(BACKLINE_|QUARKUS_|JAVA_TOOL_OPTIONS$)'); do image_env+=("$var=${!var}"); done
  mkdir -p "$image_root/proc" "$image_root/dev"
  image_mounted=1
  mount -t proc proc "$image_root/proc"
  mount --bind /dev "$image_root/dev"
}

start_image() {
  local log=$1; shift
  local command=("${image_entrypoint[0]}" "$@" "${image_entrypoint[@]:1}")
  # chroot, then the working directory, the user, and the entrypoint looked up on the image's PATH (it has no shell).
  env -i "${image_env[@]}" HOME="$image_workdir" python3 -c '
import os, sys
root, workdir, user, command = sys.argv[1], sys.argv[2], sys.argv[3].split(":"), sys.argv[4:]
# Found before entering: inside, no Python module can be imported any more.
program = command[0] if "/" in command[0] else next(
    (d + "/" + command[0] for d in os.environ.get("PATH", "").split(":")
     if os.access(root + d + "/" + command[0], os.X_OK)), command[0])
os.chroot(root)
os.chdir(workdir)
os.setgroups([])
os.setgid(int(user[-1]))
os.setuid(int(user[0]))
os.execve(program, command, dict(os.environ))
' "$image_root" "$image_workdir" "$image_user" "${command[@]}" >"$log" 2>&1 &
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

port_free() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "port $1 is taken: stop what listens there or set QUARKUS_HTTP_PORT" >&2
    return 1
  fi
}
