#!/usr/bin/env bash
# The clinic-group benchmark, one command (ADR 0047, benchmarks/README.md). From the repository root:
#   benchmarks/perf/run.sh [--small | --medium | --full] [--seconds N] [--rounds N] [--only w1,w2] [--port P]
# A scratch database on the machine's PostgreSQL; a SPARKTherapy node started on it so Flyway builds the schema (the
# packaged jar target/sparktherapy-*.jar if present, or JAR=…, else ./mvnw spring-boot:run); the generated clinic
# group (benchmarks/generate, --small by default here: the full size takes many minutes to generate); the node
# restarted on the existing database (start to healthy); the bare baseline (benchmarks/baseline, built offline if its
# jar is missing or older than its sources) started on the same database; then each workload against both,
# alternating (Perf.java). Everything started is stopped and the database dropped at the end (KEEP_DB=1 keeps it).
# Ports: P (SPARKTherapy, default 5160) and P+1 (baseline).
set -euo pipefail
SIZE=--small SECONDS_PER_RUN=10 ROUNDS=2 ONLY= PORT=5160
while [[ $# -gt 0 ]]; do
  case $1 in
    --small | --medium) SIZE=$1 ;;
    --full) SIZE= ;;
    --seconds) SECONDS_PER_RUN=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --only) ONLY=$2; shift ;;
    --port) PORT=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
BASE_PORT=$((PORT + 1))
JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DB=spark_bench_perf_$$
WORK=$(mktemp -d /tmp/bench-perf.XXXXXX)
PASSWORD=bench-perf-$(date +%s)
export PGHOST=127.0.0.1 PGUSER=postgres
cd "$ROOT"

stop() { # a process group started with setsid, and its wait
  local pid=$1
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 -- -"$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  stop "${APP:-}"
  stop "${BASE:-}"
  if [[ "${KEEP_DB:-}" != 1 ]]; then dropdb --if-exists "$DB"; else echo "kept database $DB"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# the JVM serving a started process (itself for java -jar; the deepest java under ./mvnw spring-boot:run)
java_pid() {
  local pid=$1 found= c
  if [[ "$(cat /proc/$pid/comm 2>/dev/null)" == java ]] && ! grep -qa maven /proc/$pid/cmdline; then echo "$pid"; return; fi
  local queue=("$pid")
  while [[ ${#queue[@]} -gt 0 ]]; do
    c=${queue[0]}; queue=("${queue[@]:1}")
    for k in $(pgrep -P "$c" || true); do
      queue+=("$k")
      if [[ "$(cat /proc/$k/comm 2>/dev/null)" == java ]] && ! grep -qa 'plexus-classworlds' /proc/$k/cmdline; then found=$k; fi
    done
  done
  echo "${found:-$pid}"
}

# waits for a URL to answer 200 and prints the seconds since $2 (nanoseconds)
healthy() {
  local url=$1 since=$2 pid=$3 log=$4
  until curl -fs "$url" > /dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -40 "$log"; echo "process exited before $url was healthy" >&2; exit 1; }
    sleep 0.2
  done
  echo "scale=1; ($(date +%s%N) - $since) / 1000000000" | bc
}

JAR=${JAR:-$(ls target/sparktherapy-*.jar 2>/dev/null | head -1 || true)}
start_spark() {
  export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres
  export SPARK_BOOTSTRAP_ADMIN_EMAIL=admin@bench.sparktherapy.org SPARK_BOOTSTRAP_ADMIN_PASSWORD=$PASSWORD
  export SPARK_DATA_DIR=$WORK/data
  if [[ -n "$JAR" ]]; then
    # SPARK_JAVA_OPTS: extra JVM options for SPARKTherapy only, e.g. a flight recording (-XX:StartFlightRecording=…)
    setsid "$JAVA" ${SPARK_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" >> "$WORK/spark.log" 2>&1 &
  else
    JAVA_HOME=$JAVA_HOME setsid ./mvnw -B -q -DskipWeb spring-boot:run \
      -Dspring-boot.run.arguments=--server.port="$PORT" >> "$WORK/spark.log" 2>&1 &
  fi
  APP=$!
}

createdb "$DB"
echo "== SPARKTherapy: ${JAR:-./mvnw spring-boot:run}${JAR:+ (built $(date -r "$JAR" '+%F %T'))}, database $DB, port $PORT"
T0=$(date +%s%N); start_spark
FIRST=$(healthy "http://localhost:$PORT/api/health" "$T0" "$APP" "$WORK/spark.log")
echo "first start (empty database, migrations): ${FIRST} s to healthy"

echo "== generating (${SIZE:---full})"
T0=$(date +%s%N)
"$ROOT/benchmarks/generate/generate.sh" "$DB" $SIZE
echo "generated in $(echo "scale=1; ($(date +%s%N) - $T0) / 1000000000" | bc) s; database $(psql -X -At -d "$DB" -c "select pg_size_pretty(pg_database_size(current_database()))")"

echo "== restarting SPARKTherapy on the existing database"
stop "$APP"
T0=$(date +%s%N); start_spark
RESTART=$(healthy "http://localhost:$PORT/api/health" "$T0" "$APP" "$WORK/spark.log")
SPARK_PID=$(java_pid "$APP")
echo "start to healthy (existing database): ${RESTART} s (pid $SPARK_PID)"

echo "== baseline"
if [[ ! -f benchmarks/baseline/target/bench-baseline.jar \
  || -n "$(find benchmarks/baseline/src benchmarks/baseline/pom.xml -newer benchmarks/baseline/target/bench-baseline.jar)" ]]; then
  JAVA_HOME=$JAVA_HOME ./mvnw -o -q -B -f benchmarks/baseline/pom.xml package -DskipTests
fi
T0=$(date +%s%N)
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  setsid "$JAVA" -jar benchmarks/baseline/target/bench-baseline.jar --server.port="$BASE_PORT" > "$WORK/baseline.log" 2>&1 &
BASE=$!
BASE_START=$(healthy "http://localhost:$BASE_PORT/health" "$T0" "$BASE" "$WORK/baseline.log")
echo "baseline start to healthy: ${BASE_START} s (pid $BASE)"

psql -X -q -d "$DB" -v limit=256 -f "$HERE/fixture.sql" > "$WORK/fixture.csv"
echo "== workloads ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before)"
"$JAVA" "$HERE/Perf.java" "http://localhost:$PORT" "$SPARK_PID" "http://localhost:$BASE_PORT" "$BASE" "$PASSWORD" \
  "$WORK/fixture.csv" "$SECONDS_PER_RUN" "$ROUNDS" $ONLY
echo
echo "start to healthy: SPARKTherapy ${RESTART} s on the existing database (first start with migrations ${FIRST} s),"\
  "baseline ${BASE_START} s; load average after $(cut -d' ' -f1-3 /proc/loadavg)"
