#!/usr/bin/env bash
# Replaces realm "quota" of a Keycloak that is already running (maybe started from another checkout) with a realm
# file, through the admin API: what a restart with a fresh database would import, in a few seconds.
#
#   infra/keycloak/reimport-realm.sh [--profile dev|test] [realm-file]     (default: this checkout's local realm,
#                                                                         infra/keycloak/local-realm.sh)
#
# The test stack is shared: run it inside the test lock, and put the shared realm back afterwards.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PROFILE=dev
if [ "${1:-}" = "--profile" ]; then PROFILE=$2; shift 2; fi
FILE=${1:-}
if [ -z "$FILE" ]; then
  FILE=$(mktemp)
  trap 'rm -f "$FILE"' EXIT
  "$ROOT/infra/keycloak/local-realm.sh" >"$FILE"
fi
# shellcheck source=/dev/null
source "$ROOT/infra/profiles/$PROFILE.env"
# shellcheck source=/dev/null
source "$ROOT/infra/profiles/common.env"
KC=http://127.0.0.1:$SUITE_KEYCLOAK_PORT
TOKEN=$(curl -fsS -d grant_type=password -d client_id=admin-cli -d "username=$SUITE_KEYCLOAK_ADMIN" \
  -d "password=$SUITE_KEYCLOAK_ADMIN_PASSWORD" "$KC/realms/master/protocol/openid-connect/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $TOKEN" "$KC/admin/realms/quota" || true
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  --data-binary "@$FILE" "$KC/admin/realms"
echo "[$PROFILE] realm quota re-imported from $FILE into $KC"
