#!/usr/bin/env bash
# Issue 16 item 5: start time and resident memory of each service against a bare Quarkus REST app
# (benchmarks/bare-rest) built in the same run, with and without AppCDS. Every JVM is started alone with the
# suite's flags (-Xms64m -Xmx384m, dev profile), ROUNDS times; a service's instance of ./suite start is stopped
# for its rounds and started again afterwards. Needs ./suite start (hold the dev-suite lock).
# Usage: benchmarks/start-and-memory.sh            (ROUNDS=3, SERVICES="allocation-service quota-service ...")
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
WORK=${SUITE_WORK_DIR:-$ROOT/.work}/dev
ROUNDS=${ROUNDS:-3}
SERVICES=${SERVICES:-"allocation-service quota-service notification-adapter portal-web"}
OUT=$(mktemp -d)

load() { cut -d' ' -f1 /proc/loadavg; }

# once <name> <jar> [jvm options...]: one start; prints "<started in, s> <resident MB 5 s after the start>"
once() {
  local name=$1 jar=$2 log="$OUT/$1.log" pid deadline
  shift 2
  setsid java -Xms64m -Xmx384m -Dquarkus.profile=dev "$@" -jar "$jar" >"$log" 2>&1 </dev/null &
  pid=$!
  deadline=$((SECONDS + 180))
  until grep -q 'started in' "$log"; do
    if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      tail -n 20 "$log" >&2; kill "$pid" 2>/dev/null || true; return 1
    fi
    sleep 0.2
  done
  sleep 5 # settle: resident memory once the start's work is done
  echo "$(grep -o 'started in [0-9.]*s' "$log" | grep -o '[0-9.]*' | head -1) $(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)"
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

# rounds <label> <jar> [jvm options...]: median start and resident memory of ROUNDS starts, as a table row
rounds() {
  local label=$1 results=()
  shift
  for _ in $(seq "$ROUNDS"); do results+=("$(once "${label%%,*}" "$@")"); done
  local middle=$(((ROUNDS + 1) / 2))
  printf '| %s | %s s | %s MB | %s |\n' "$label" \
    "$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | sort -n | sed -n "${middle}p")" \
    "$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | sort -n | sed -n "${middle}p")" "$(load)"
}

echo "building benchmarks/bare-rest twice (plain, AppCDS)" >&2
./mvnw -q -B -f benchmarks/bare-rest/pom.xml package -DskipTests
rm -rf "$OUT/bare-plain" && cp -r benchmarks/bare-rest/target/quarkus-app "$OUT/bare-plain"
./mvnw -q -B -f benchmarks/bare-rest/pom.xml package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
rm -rf "$OUT/bare-appcds" && cp -r benchmarks/bare-rest/target/quarkus-app "$OUT/bare-appcds"

echo "| JVM (median of $ROUNDS starts, each alone) | started in | resident 5 s later | load average |"
echo "|---|---|---|---|"
rounds "bare Quarkus REST app" "$OUT/bare-plain/quarkus-run.jar"
rounds "bare Quarkus REST app, AppCDS" "$OUT/bare-appcds/quarkus-run.jar" \
  -XX:SharedArchiveFile="$OUT/bare-appcds/app-cds.jsa" -Xshare:auto
for module in $SERVICES; do
  pidfile="$WORK/run/$module.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")"
    while kill -0 "$(cat "$pidfile")" 2>/dev/null; do sleep 0.2; done
  fi
  rounds "$module" "$module/target/quarkus-app/quarkus-run.jar"
  if [ -f "$module/target/quarkus-app/app-cds.jsa" ]; then
    rounds "$module, AppCDS" "$module/target/quarkus-app/quarkus-run.jar" \
      -XX:SharedArchiveFile="$module/target/quarkus-app/app-cds.jsa" -Xshare:auto
  fi
done
[ -z "$SERVICES" ] || ./suite start >&2 # the suite's own instances again
rm -rf "$OUT"
