#!/usr/bin/env bash
# Writes base/keycloak-realm-import.yaml from deploy/keycloak/backline-realm-production.json (JSON is YAML, so the
# realm goes in as it is). Every ${BACKLINE_X_Y} placeholder of the realm becomes a placeholder of the import, read
# from the Secret backline-secrets, key x-y. Also writes base/keycloak-password-blocklist.yaml, the ConfigMap that
# carries deploy/keycloak/password-blocklist/*.txt to Keycloak (the realm's passwordBlacklist policy names a file
# there), and base/keycloak-backline-theme.yaml, the ConfigMap that carries the theme deploy/keycloak/themes/backline
# (keycloak.yaml mounts it file by file). Run it after every change of the production realm, the blocklist or the
# theme; a test checks all three.
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

blocklist="$here/base/keycloak-password-blocklist.yaml"
{
  echo "# Generated from deploy/keycloak/password-blocklist/ by deploy/kubernetes/update-realm-import.sh."
  echo "# Edit the lists there, then run the script. keycloak.yaml mounts this at Keycloak's data/password-blacklists."
  echo "apiVersion: v1"
  echo "kind: ConfigMap"
  echo "metadata:"
  echo "  name: keycloak-password-blocklist"
  echo "data:"
  for list in "$here"/../keycloak/password-blocklist/*.txt; do
    echo "  $(basename "$list"): |"
    sed -e 's/^/    /' "$list"
  done
} >"$blocklist"
echo "wrote $blocklist"

themes="$here/../keycloak/themes"
theme="$here/base/keycloak-backline-theme.yaml"
{
  echo "# Generated from deploy/keycloak/themes/backline/ by deploy/kubernetes/update-realm-import.sh."
  echo "# Edit the theme there, then run the script. keycloak.yaml mounts this at Keycloak's themes/backline, one item"
  echo "# per file (a key is the file's path with __ for /); Keycloak reads a changed theme when it restarts."
  echo "apiVersion: v1"
  echo "kind: ConfigMap"
  echo "metadata:"
  echo "  name: keycloak-backline-theme"
  echo "data:"
  (cd "$themes/backline" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) | while read -r file; do
    echo "  ${file//\//__}: |"
    sed -e 's/^/    /' "$themes/backline/$file"
  done
} >"$theme"
echo "wrote $theme"
