#!/usr/bin/env bash
# Stands in for the `docker` command that Quarkus's Jib extension calls when it builds an image without pushing it.
# Jib hands `docker load` the finished image as a `docker save`-format tarball on standard input; this writes that
# tarball to $JIB_IMAGE_TARBALL (default target/backline-image.tar) instead of loading it into a Docker engine.
# The file loads anywhere later: `docker load -i`, `podman load -i`, `skopeo copy docker-archive:...`,
# `kind load image-archive`, `ctr images import`.
set -euo pipefail
case "${1:-}" in
  load)
    out=${JIB_IMAGE_TARBALL:-target/backline-image.tar}
    mkdir -p "$(dirname "$out")"
    cat >"$out"
    echo "Loaded image tarball: $out"
    ;;
  info)
    # Jib asks which platform the engine runs, to pick the base image's matching manifest.
    echo '{"OSType":"linux","Architecture":"x86_64"}'
    ;;
  tag)
    # Additional tags: the tarball already names the image; nothing to do.
    ;;
  *)
    echo "docker-load-to-file.sh: '$*' is not supported (only load, info and tag)" >&2
    exit 1
    ;;
esac
