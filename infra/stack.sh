#!/usr/bin/env bash
# Starts and stops the suite's infrastructure on this machine, without Docker:
# PostgreSQL (Debian package, private cluster), Kafka in KRaft mode, Keycloak with the realm,
# and GreenMail (SMTP + IMAP + a REST API to read mail). Kafka, Keycloak and GreenMail come from
# Maven Central through the Maven wrapper and are cached in $SUITE_CACHE_DIR, outside the repository.
#
#   infra/stack.sh [--profile dev|test] up|down|status|purge [postgres|kafka|mail|keycloak ...]
#
# Naming components starts or stops only those (tests stop and restart Kafka this way to prove the outbox).
# Data, logs and pid files live in .work/<profile>/ (ignored by git). "up" is harmless when already up.
# "purge" stops everything of the profile and deletes its data (also a PostgreSQL cluster kept outside, see pg_home).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROFILE=dev
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) PROFILE=$2; shift 2 ;;
    --profile=*) PROFILE=${1#*=}; shift ;;
    *) break ;;
  esac
done
ACTION=${1:-status}
shift || true
COMPONENTS=${*:-postgres kafka mail keycloak}
wants() { case " $COMPONENTS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
[ -f "$ROOT/infra/profiles/$PROFILE.env" ] || { echo "unknown profile '$PROFILE' (dev or test)" >&2; exit 2; }
# shellcheck source=/dev/null
source "$ROOT/infra/profiles/$PROFILE.env"
# shellcheck source=/dev/null
source "$ROOT/infra/profiles/common.env"

WORK=${SUITE_WORK_DIR:-$ROOT/.work}/$PROFILE
LOGS=$WORK/logs
RUN=$WORK/run
mkdir -p "$LOGS" "$RUN"

log() { printf '[%s %s] %s\n' "$PROFILE" "$(date +%H:%M:%S)" "$*"; }
die() { printf '[%s] ERROR: %s\n' "$PROFILE" "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

# wait_for NAME SECONDS COMMAND...: polls COMMAND until it succeeds; shows the log tail on failure
wait_for() {
  local name=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      echo "---- last lines of $LOGS/$name.log ----" >&2
      tail -n 30 "$LOGS/$name.log" >&2 || true
      die "$name did not come up within ${seconds}s"
    fi
    sleep 0.5
  done
}

# refuse early and clearly when a port belongs to something else
check_port_free() {
  local name=$1 port=$2
  if port_open "$port"; then
    die "port $port (for $name) is taken by another program; free it or export another port (see infra/profiles/$PROFILE.env)"
  fi
}

# start_daemon NAME DIR COMMAND...: runs COMMAND in its own session so "down" can stop its whole process group
start_daemon() {
  local name=$1 dir=$2; shift 2
  # setsid execs the command in place (the background child is no group leader), so $! is its pid and its group
  (cd "$dir" || exit 1; setsid "$@" >"$LOGS/$name.log" 2>&1 < /dev/null & echo $! >"$RUN/$name.pid")
}

stop_daemon() {
  local name=$1
  pid_alive "$name" || { rm -f "$RUN/$name.pid"; return 0; }
  local pid; pid=$(cat "$RUN/$name.pid")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop in 30s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN/$name.pid"
  log "$name stopped"
}

# a component that answers is used as it is; one another checkout started is left for that checkout to stop
already_up() {
  if pid_alive "$2"; then log "$1 already up on $3"
  else log "$1 already up on $3 (not started from this checkout: reused, not stopped by it)"; fi
}

mvnw_fetch() { "$ROOT/mvnw" -q -B -f "$ROOT/infra/tools/pom.xml" "$@"; }

# ---------------------------------------------------------------- PostgreSQL
pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# As root, PostgreSQL runs as the postgres user, who must reach its data directory and log. A checkout under a
# private directory (mode 0700, e.g. under /root or mktemp -d) does not let it: then the cluster lives in a
# directory of its own under /var/tmp, named after the checkout's work folder so checkouts never share one.
pg_home() {
  if [ -n "${SUITE_POSTGRES_DIR:-}" ]; then echo "$SUITE_POSTGRES_DIR"
  elif [ "$(id -u)" != 0 ] || runuser -u postgres -- test -x "$WORK"; then echo "$WORK/postgres"
  else echo "/var/tmp/quota-suite-postgres/$(printf '%s' "$WORK" | sha256sum | cut -c1-16)"; fi
}

postgres_up() {
  local bin home; home=$(pg_home)
  local data=$home/data pglog=$LOGS/postgres.log
  [ "$home" = "$WORK/postgres" ] || pglog=$home/postgres.log
  if ! bin=$(pg_bin); then
    [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed: sudo apt-get install -y postgresql"
    log "installing PostgreSQL from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    # the package starts a cluster of its own on 5432; the suite uses its private one
    service postgresql stop >/dev/null 2>&1 || true
    bin=$(pg_bin) || die "PostgreSQL install failed"
  fi
  if PGPASSWORD=$SUITE_POSTGRES_SUPERUSER_PASSWORD "$bin/pg_isready" -q -h 127.0.0.1 -p "$SUITE_POSTGRES_PORT"; then
    log "PostgreSQL already up on $SUITE_POSTGRES_PORT"
  else
    check_port_free PostgreSQL "$SUITE_POSTGRES_PORT"
    if [ ! -f "$data/PG_VERSION" ]; then
      log "creating a private PostgreSQL cluster in $data"
      mkdir -p "$data"
      local pwfile=$home/pwfile
      printf '%s\n' "$SUITE_POSTGRES_SUPERUSER_PASSWORD" >"$pwfile"
      [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$home"
      chmod 700 "$data"
      as_pg "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >"$LOGS/postgres-initdb.log" 2>&1 \
        || { cat "$LOGS/postgres-initdb.log" >&2; die "initdb failed"; }
      rm -f "$pwfile"
    fi
    [ "$(id -u)" = 0 ] && { touch "$pglog"; chown postgres "$pglog"; }
    log "starting PostgreSQL on $SUITE_POSTGRES_PORT"
    as_pg "$bin/pg_ctl" -D "$data" -l "$pglog" -w -t 60 \
      -o "-p $SUITE_POSTGRES_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c fsync=off" \
      start >/dev/null || { tail -n 20 "$pglog" >&2; die "PostgreSQL did not start"; }
  fi
  local db
  for db in $SUITE_DATABASES; do
    PGPASSWORD=$SUITE_POSTGRES_SUPERUSER_PASSWORD "$bin/psql" -q -h 127.0.0.1 -p "$SUITE_POSTGRES_PORT" -U postgres \
      -v ON_ERROR_STOP=1 -v db="$db" -v pw="$SUITE_DB_PASSWORD" >/dev/null <<'SQL'
select format('create role %I login password %L', :'db', :'pw')
 where not exists (select 1 from pg_roles where rolname = :'db') \gexec
select format('create database %I owner %I', :'db', :'db')
 where not exists (select 1 from pg_database where datname = :'db') \gexec
SQL
  done
}

postgres_down() {
  local bin data; data=$(pg_home)/data
  bin=$(pg_bin) || return 0
  [ -f "$data/postmaster.pid" ] || return 0
  as_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 && log "PostgreSQL stopped" || true
}

# ---------------------------------------------------------------- Kafka (KRaft, one combined node)
kafka_up() {
  local home=$SUITE_CACHE_DIR/kafka-$SUITE_KAFKA_VERSION dir=$WORK/kafka
  if port_open "$SUITE_KAFKA_PORT"; then already_up Kafka kafka "$SUITE_KAFKA_PORT"; return; fi
  check_port_free Kafka "$SUITE_KAFKA_PORT"
  check_port_free "Kafka controller" "$SUITE_KAFKA_CONTROLLER_PORT"
  if [ ! -d "$home/lib" ]; then
    log "fetching Kafka $SUITE_KAFKA_VERSION from Maven Central"
    mvnw_fetch -Pkafka dependency:copy-dependencies -Dkafka.version="$SUITE_KAFKA_VERSION" \
      -DoutputDirectory="$home/lib.partial" -DincludeScope=runtime
    mv "$home/lib.partial" "$home/lib"
  fi
  mkdir -p "$dir"
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$SUITE_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$SUITE_KAFKA_PORT,CONTROLLER://127.0.0.1:$SUITE_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$SUITE_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
# topics not in infra/kafka/topics.txt are made on first use, with room for several consumers per group
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
default.replication.factor=1
group.initial.rebalance.delay.ms=0
EOF
  cat >"$dir/log4j2.properties" <<EOF
rootLogger.level=WARN
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=[%d] %p %m (%c)%n
logger.kafka.name=kafka.server.KafkaRaftServer
logger.kafka.level=INFO
logger.broker.name=kafka.server.BrokerServer
logger.broker.level=INFO
EOF
  if [ ! -f "$dir/data/meta.properties" ]; then
    log "formatting Kafka storage"
    rm -f "$dir/topics-made"
    local id; id=$(java -cp "$home/lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    java -Dlog4j2.configurationFile="$dir/log4j2.properties" -cp "$home/lib/*" kafka.tools.StorageTool format \
      -t "$id" -c "$dir/server.properties" >"$LOGS/kafka-format.log" 2>&1 \
      || { cat "$LOGS/kafka-format.log" >&2; die "Kafka storage format failed"; }
  fi
  log "starting Kafka on $SUITE_KAFKA_PORT"
  start_daemon kafka "$dir" java -Xms128m -Xmx512m -Dlog4j2.configurationFile="$dir/log4j2.properties" \
    -cp "$home/lib/*" kafka.Kafka "$dir/server.properties"
  wait_for kafka 90 grep -q "Kafka Server started" "$LOGS/kafka.log"
}

# every topic of infra/kafka/topics.txt, before anything writes (no first write races the making of a topic)
kafka_topics() {
  local home=$SUITE_CACHE_DIR/kafka-$SUITE_KAFKA_VERSION list=$ROOT/infra/kafka/topics.txt
  local marker=$WORK/kafka/topics-made sum
  sum=$(sha256sum "$list" | cut -d' ' -f1)
  # made once per list and data: a restart (the drills' outage) needs no JVM for it
  [ "$(cat "$marker" 2>/dev/null)" = "$sum" ] && return 0
  java -Xmx128m -Dlog4j2.configurationFile="$WORK/kafka/log4j2.properties" -cp "$home/lib/*" \
    "$ROOT/infra/kafka/CreateTopics.java" "127.0.0.1:$SUITE_KAFKA_PORT" "$list" >"$LOGS/kafka-topics.log" 2>&1 \
    || { cat "$LOGS/kafka-topics.log" >&2; die "the topics of infra/kafka/topics.txt could not be made"; }
  echo "$sum" >"$marker"
  log "$(tail -n 1 "$LOGS/kafka-topics.log")"
}

# ---------------------------------------------------------------- Keycloak
keycloak_ready() {
  curl -fsS "http://127.0.0.1:$SUITE_KEYCLOAK_PORT/realms/quota/.well-known/openid-configuration"
}

# starts Keycloak without waiting for it (keycloak_wait does): it is the slowest part, the others start meanwhile
keycloak_start() {
  local dist=$SUITE_CACHE_DIR/keycloak-$SUITE_KEYCLOAK_VERSION home=$WORK/keycloak
  if keycloak_ready >/dev/null 2>&1; then already_up Keycloak keycloak "$SUITE_KEYCLOAK_PORT"; return; fi
  check_port_free Keycloak "$SUITE_KEYCLOAK_PORT"
  check_port_free "Keycloak management" "$SUITE_KEYCLOAK_MANAGEMENT_PORT"
  if [ ! -x "$dist/bin/kc.sh" ]; then
    log "fetching Keycloak $SUITE_KEYCLOAK_VERSION from Maven Central (about 170 MB, once)"
    mvnw_fetch dependency:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:$SUITE_KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$SUITE_CACHE_DIR.partial"
    mv "$SUITE_CACHE_DIR.partial/keycloak-$SUITE_KEYCLOAK_VERSION" "$dist"
    rmdir "$SUITE_CACHE_DIR.partial" 2>/dev/null || true
  fi
  # each profile gets its own copy: Keycloak keeps its build and H2 data inside its home
  if [ ! -x "$home/bin/kc.sh" ]; then
    log "preparing Keycloak in $home"
    mkdir -p "$home" && cp -r "$dist/." "$home/"
    # the build an earlier start-dev made (Keycloak checks it against the options and builds again if they differ)
    if [ -d "$dist-dev-build" ]; then cp "$dist-dev-build/"* "$home/lib/quarkus/"; fi
  fi
  mkdir -p "$home/data/import"
  # the production realm plus the local demo users and secrets (infra/keycloak/local-realm.sh)
  "$ROOT/infra/keycloak/local-realm.sh" >"$home/data/quota-realm.json.new"
  # Keycloak imports a realm only when it is absent: a changed realm starts Keycloak's data afresh
  local realm_sum; realm_sum=$(sha256sum "$home/data/quota-realm.json.new" | cut -d' ' -f1)
  if [ -d "$home/data/h2" ] && [ "$(cat "$home/data/realm.sha256" 2>/dev/null)" != "$realm_sum" ]; then
    log "the realm changed: Keycloak starts with a fresh database to import it"
    rm -rf "$home/data/h2"
  fi
  echo "$realm_sum" >"$home/data/realm.sha256"
  mv "$home/data/quota-realm.json.new" "$home/data/import/quota-realm.json"
  log "starting Keycloak on $SUITE_KEYCLOAK_PORT (a first start without a cached build builds it: up to a minute)"
  KC_BOOTSTRAP_ADMIN_USERNAME=$SUITE_KEYCLOAK_ADMIN KC_BOOTSTRAP_ADMIN_PASSWORD=$SUITE_KEYCLOAK_ADMIN_PASSWORD \
  JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    start_daemon keycloak "$home" bin/kc.sh start-dev --http-host=127.0.0.1 --http-port="$SUITE_KEYCLOAK_PORT" \
      --http-management-port="$SUITE_KEYCLOAK_MANAGEMENT_PORT" --hostname-strict=false --import-realm
}

keycloak_wait() {
  local dist=$SUITE_CACHE_DIR/keycloak-$SUITE_KEYCLOAK_VERSION home=$WORK/keycloak
  wait_for keycloak 240 keycloak_ready
  # keep start-dev's build for the next new copy (a fresh checkout or profile): about 16 s less at its first start
  if [ ! -d "$dist-dev-build" ] && pid_alive keycloak && [ -d "$home/lib/quarkus" ]; then
    cp -r "$home/lib/quarkus" "$dist-dev-build.$$" && mv -T "$dist-dev-build.$$" "$dist-dev-build" 2>/dev/null \
      || rm -rf "$dist-dev-build.$$"
  fi
}

# ---------------------------------------------------------------- GreenMail (SMTP, IMAP, REST)
mail_ready() { curl -fsS "http://127.0.0.1:$SUITE_MAIL_API_PORT/api/configuration"; }

mail_up() {
  local jar=$SUITE_CACHE_DIR/greenmail-$SUITE_GREENMAIL_VERSION/greenmail-standalone-$SUITE_GREENMAIL_VERSION.jar
  if mail_ready >/dev/null 2>&1; then already_up GreenMail mail "$SUITE_SMTP_PORT"; return; fi
  check_port_free SMTP "$SUITE_SMTP_PORT"
  check_port_free "mail REST API" "$SUITE_MAIL_API_PORT"
  if [ ! -f "$jar" ]; then
    log "fetching GreenMail $SUITE_GREENMAIL_VERSION from Maven Central"
    mvnw_fetch dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$SUITE_GREENMAIL_VERSION" \
      -DoutputDirectory="$(dirname "$jar")"
  fi
  log "starting GreenMail: SMTP $SUITE_SMTP_PORT, IMAP $SUITE_IMAP_PORT, REST $SUITE_MAIL_API_PORT"
  start_daemon mail "$WORK" java -Xmx256m -Dgreenmail.hostname=127.0.0.1 \
    -Dgreenmail.smtp.port="$SUITE_SMTP_PORT" -Dgreenmail.imap.port="$SUITE_IMAP_PORT" \
    -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$SUITE_MAIL_API_PORT" \
    -jar "$jar"
  wait_for mail 60 mail_ready
}

status() {
  local name port
  for entry in "PostgreSQL:$SUITE_POSTGRES_PORT" "Kafka:$SUITE_KAFKA_PORT" "Keycloak:$SUITE_KEYCLOAK_PORT" \
               "SMTP:$SUITE_SMTP_PORT" "Mail-API:$SUITE_MAIL_API_PORT"; do
    name=${entry%%:*}; port=${entry##*:}
    if port_open "$port"; then printf '  %-11s UP    127.0.0.1:%s\n' "$name" "$port"
    else printf '  %-11s DOWN  127.0.0.1:%s\n' "$name" "$port"; fi
  done
}

case "$ACTION" in
  up)
    command -v java >/dev/null || die "a JDK 17+ is needed (java not found)"
    command -v curl >/dev/null || die "curl is needed"
    wants keycloak && keycloak_start
    wants postgres && postgres_up
    wants kafka && kafka_up && kafka_topics
    wants mail && mail_up
    wants keycloak && keycloak_wait
    log "infrastructure is up"
    ;;
  down)
    # the three stop side by side (each waits for its process), then PostgreSQL
    { wants keycloak && stop_daemon keycloak; } &
    { wants mail && stop_daemon mail; } &
    { wants kafka && stop_daemon kafka; } &
    wait
    wants postgres && postgres_down
    true
    ;;
  status) status ;;
  purge)
    stop_daemon keycloak; stop_daemon mail; stop_daemon kafka; postgres_down
    rm -rf "$(pg_home)" "$WORK"
    log "data of profile $PROFILE deleted"
    ;;
  *) echo "usage: infra/stack.sh [--profile dev|test] up|down|status|purge" >&2; exit 2 ;;
esac
