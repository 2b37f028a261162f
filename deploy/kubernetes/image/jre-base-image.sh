#!/usr/bin/env bash
# Writes a minimal Java base image as a `docker save`-format tarball, without Docker and without a registry:
# a jlinked Java runtime from the local JDK (21+), the few glibc libraries it links against, a non-root user
# (uid 185, like the Red Hat OpenJDK images) and /tmp. Jib reads it through `tar://` as the base of the app image.
#
#   deploy/kubernetes/image/jre-base-image.sh [OUT.tar]        (default target/jre-base-image.tar)
#
# Where a registry is reachable, use a maintained base image instead (Quarkus's default
# registry.access.redhat.com/ubi9/openjdk-21-runtime, or eclipse-temurin:21-jre): leave this script out and drop
# -Dquarkus.jib.base-jvm-image from the build command. This one exists because this machine reaches no registry.
set -euo pipefail

out=${1:-target/jre-base-image.tar}
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$java_home/bin/jlink" ] || { echo "No jlink under JAVA_HOME=$java_home" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root/opt" "$root/etc" "$root/tmp" "$root/home/jboss" "$root/lib64" "$root/lib/x86_64-linux-gnu" "$root/usr/bin"

# The Java SE modules and the JDK modules a server needs; no compiler, no tools, no desktop natives loaded.
"$java_home/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.naming.dns,jdk.management,jdk.jfr,jdk.net,jdk.charsets \
  --strip-debug --no-header-files --no-man-pages --compress zip-6 --output "$root/opt/java"

# glibc pieces the runtime links against (headless: the AWT/X11/sound libraries are never loaded).
libs=$( { for f in "$root/opt/java/bin/java" $(find "$root/opt/java/lib" -name '*.so' \
            ! -name '*awt*' ! -name '*jsound*' ! -name '*splashscreen*' ! -name '*fontmanager*' ! -name '*lcms*' \
            ! -name '*jawt*' ! -name '*mlib_image*' ! -name '*javajpeg*' ! -name '*freetype*'); do
          ldd "$f" 2>/dev/null | awk '/=> \// {print $3} /^\t\/lib64\// {print $1}'
        done; echo /lib/x86_64-linux-gnu/libgcc_s.so.1; } | grep -v "^$root" | sort -u)
for lib in $libs; do
  real=$(readlink -f "$lib")
  mkdir -p "$root$(dirname "$lib")"
  cp "$real" "$root$lib"
done

cat >"$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
jboss:x:185:185:Backline:/home/jboss:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
EOF
cat >"$root/etc/group" <<'EOF'
root:x:0:
jboss:x:185:
nobody:x:65534:
EOF
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' >"$root/etc/hosts"
chmod 1777 "$root/tmp"

# Two layers: the system as root:root, the user's home owned by 185. Sorted names and a fixed time: the same
# inputs give the same layer digests.
mkdir -p "$work/image"
tar_flags=(--sort=name --mtime=2026-01-01T00:00:00Z --numeric-owner --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
tar -C "$root" "${tar_flags[@]}" --owner=0 --group=0 --exclude=./home/jboss -cf "$work/image/system.tar" .
tar -C "$root" "${tar_flags[@]}" --owner=185 --group=185 -cf "$work/image/home.tar" ./home/jboss
d1=$(sha256sum "$work/image/system.tar" | cut -d' ' -f1)
d2=$(sha256sum "$work/image/home.tar" | cut -d' ' -f1)
version=$("$root/opt/java/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ {print $2}')
cat >"$work/image/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"2026-01-01T00:00:00Z",
 "config":{"User":"185","WorkingDir":"/home/jboss",
   "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],
   "Labels":{"org.opencontainers.image.description":"Java runtime $version (jlink) on glibc, for Backline"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$d1","sha256:$d2"]},
 "history":[{"created":"2026-01-01T00:00:00Z","created_by":"jre-base-image.sh: jlinked Java runtime and glibc"},
            {"created":"2026-01-01T00:00:00Z","created_by":"jre-base-image.sh: home of uid 185"}]}
EOF
printf '[{"Config":"config.json","RepoTags":["backline/jre-base:latest"],"Layers":["system.tar","home.tar"]}]\n' \
  >"$work/image/manifest.json"
tar -C "$work/image" --sort=name --mtime=2026-01-01T00:00:00Z --owner=0 --group=0 -cf "$out" manifest.json config.json system.tar home.tar
echo "Base image (Java $version): $out ($(du -h "$out" | cut -f1))"
