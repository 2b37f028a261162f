#!/usr/bin/env bash
# Renders the base and every overlay with kubectl's kustomize and validates each object against the schemas in
# schemas/ (Kubernetes 1.36's core kinds, the Keycloak Operator's and CloudNativePG's CRDs), offline. Production is
# rendered twice: as committed, where it must fail on the example values of its site.yaml, and with a test site.
# Run check/install-tools.sh first (CI's .ci/run does). Exit status 1 on any failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kubectl="$here/check/.tools/kubectl"
if [ ! -x "$kubectl" ] || [ ! -d "$here/check/node_modules/ajv" ]; then
  echo "the pinned tools are missing: run deploy/kubernetes/check/install-tools.sh" >&2
  exit 2
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=0

check() { # name folder
  if ! "$kubectl" kustomize "$2" >"$out/$1.yaml" 2>"$out/$1.err"; then
    echo "FAIL $1: kustomize: $(cat "$out/$1.err")"
    failed=1
  elif ! result=$(node "$here/check/validate.mjs" "$out/$1.yaml" 2>&1); then
    echo "FAIL $1: $result"
    failed=1
  else
    echo "ok   $1: $(echo "$result" | tail -1)"
  fi
}

check base "$here/base"
check staging "$here/overlays/staging"

# Production as committed: its site.yaml names the example hosts, registry and bucket, so kustomize must refuse it.
if "$kubectl" kustomize "$here/overlays/production" >/dev/null 2>"$out/refused.err"; then
  echo "FAIL production: rendered with the example values of overlays/production/site.yaml"
  failed=1
elif grep -q exampleValuesAreNotForProduction "$out/refused.err"; then
  echo "ok   production refuses the example values"
else
  echo "FAIL production: kustomize failed for another reason: $(cat "$out/refused.err")"
  failed=1
fi

# Production with a site of its own: a copy of this folder whose site.yaml names other hosts, registry and bucket.
cp -r "$here/base" "$here/components" "$here/overlays" "$out/"
sed -i -e 's/^\(  publicHost:\).*/\1 backline.clinic.test/' -e 's/^\(  keycloakHost:\).*/\1 id.clinic.test/' \
  -e 's/^\(  keycloakAdminHost:\).*/\1 id-admin.clinic.internal/' -e 's/^\(  imageRegistry:\).*/\1 registry.clinic.test:5000/' \
  -e 's#^\(  backupDestination:\).*#\1 s3://clinic-backups/backline/#' \
  -e 's#^\(  backupEndpoint:\).*#\1 https://minio.clinic.internal:9000#' "$out/overlays/production/site.yaml"
check production "$out/overlays/production"
if grep -nE 'example\.org|example-backline' "$out/production.yaml"; then
  echo "FAIL production: an example value left in the render of a site with its own"
  failed=1
fi
exit $failed
