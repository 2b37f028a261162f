#!/usr/bin/env bash
# Writes base/keycloak-realm-import.yaml from deploy/keycloak/backline-realm-production.json (JSON is YAML, so the
# realm goes in as it is). Every ${BACKLINE_X_Y} placeholder of the realm becomes a placeholder of the import, read
# from the Secret backline-secrets, key x-y. Run it after every change of the production realm; a test checks it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
realm="$here/../keycloak/backline-realm-production.json"
out="$here/base/keycloak-realm-import.yaml"
{
  echo "# Generated from deploy/keycloak/backline-realm-production.json by deploy/kubernetes/update-realm-import.sh."
  echo "# Edit the JSON, then run the script. The operator imports the realm once (an existing realm is never changed)."
  echo "apiVersion: k8s.keycloak.org/v2alpha1"
  echo "kind: KeycloakRealmImport"
  echo "metadata:"
  echo "  name: backline-realm"
  echo "spec:"
  echo "  keycloakCRName: backline-keycloak"
  echo "  placeholders:"
  for var in $(grep -o '\${BACKLINE_[A-Z0-9_]*}' "$realm" | tr -d '${}' | sort -u); do
    key=$(echo "${var#BACKLINE_}" | tr 'A-Z_' 'a-z-')
    echo "    $var:"
    echo "      secret:"
    echo "        name: backline-secrets"
    echo "        key: $key"
  done
  printf '  realm:\n'
  sed -e 's/^/    /' "$realm"
} >"$out"
echo "wrote $out"
