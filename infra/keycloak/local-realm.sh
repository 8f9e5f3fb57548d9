#!/usr/bin/env bash
# Prints the realm that dev and test load: the production realm (quota-realm.json: roles, groups, clients, fine-grained
# permissions) plus local-realm.json (demo users with passwords, local client secrets and redirect addresses, and the
# password-grant client quota-cli; no password rules, the demo passwords are short, and a cheap hash: every test
# sign-in and password set costs one, and Keycloak's default argon2 took ~90 ms of CPU each), which must never reach a
# production Keycloak.
#
#   infra/keycloak/local-realm.sh > realm.json
set -euo pipefail
DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if ! command -v jq >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "jq is needed: sudo apt-get install -y jq" >&2; exit 1; }
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null
fi
jq -s '.[0] as $realm | .[1] as $local
  | $realm * ($local.realmSettings // {})
  | .clients = ([.clients[] | . * ($local.clientSettings[.clientId] // {})] + $local.clients)
  | .users = (.users + $local.users)' "$DIR/quota-realm.json" "$DIR/local-realm.json"
