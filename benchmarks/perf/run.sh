#!/usr/bin/env bash
# The clinic-group benchmark, one command (ADR 0047, benchmarks/README.md). From the repository root:
#   benchmarks/perf/run.sh [--small | --medium | --full] [--children N] [--therapists N] [--days N] [--seconds N]
#                          [--rounds N] [--warmup S] [--only w1,w2] [--streams N] [--fixtures N] [--port P]
#                          [--database NAME]
#   benchmarks/perf/run.sh --size-compare [--children N] [--therapists N] [--days N] [--seconds N] [--rounds N]
# Workloads (--only): child, progress, events20, events100, schedule-week, conversation-page, programs, mixed,
# streams.
# --warmup S: seconds of unmeasured load on each target before each workload (default 20: the JIT needs that long on
# two busy cores; with 2 s both servers measured ~1.7× their steady CPU per request, ADR 0047 run 6).
# --database NAME: measure a clinic an earlier run generated and kept (KEEP_DB=1), without generating it again (the
# full size takes ~20 minutes); it is kept afterwards.
# streams: N idle GET /api/events streams (--streams, default 10,000) on SPARKTherapy alone; heap per stream after a
# full GC, live threads, pass/fail against 512 MB. --children/--therapists/--days override the size's generator
# arguments; --fixtures N measures the first N generated children (default 256).
# --size-compare: progress of the same children (the first --children, default 50, with --therapists, default 15,
# over --days, default 30) in a clinic of that size and in one 10 times larger (this script run twice, --only
# progress), both results and their ratio (issue 16: progress independent of the clinic's size).
# A scratch database on the machine's PostgreSQL; a SPARKTherapy node started on it so Flyway builds the schema (the
# packaged jar target/sparktherapy-*.jar if present, or JAR=…, else ./mvnw spring-boot:run); the generated clinic
# group (benchmarks/generate, --small by default here: the full size takes many minutes to generate); the node
# restarted on the existing database (start to healthy); the bare baseline (benchmarks/baseline, built (offline when it can) if its
# jar is missing or older than its sources) started on the same database; then each workload against both,
# alternating (Perf.java). Everything started is stopped and the database dropped at the end (KEEP_DB=1 keeps it).
# Ports: P (SPARKTherapy, default 5160), P+1 (baseline) and P+2 (SPARKTherapy's management port: /metrics).
set -euo pipefail
SIZE=--small SECONDS_PER_RUN=10 ROUNDS=2 WARMUP=20 ONLY= PORT=5160 STREAMS=10000 FIXTURES=256 SIZE_COMPARE=
GEN=() CHILDREN= THERAPISTS= DAYS= REUSE=
while [[ $# -gt 0 ]]; do
  case $1 in
    --small | --medium) SIZE=$1 ;;
    --full) SIZE= ;;
    --seconds) SECONDS_PER_RUN=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --only) ONLY=$2; shift ;;
    --port) PORT=$2; shift ;;
    --streams) STREAMS=$2; shift ;;
    --fixtures) FIXTURES=$2; shift ;;
    --children) CHILDREN=$2; GEN+=(--children "$2"); shift ;;
    --therapists) THERAPISTS=$2; GEN+=(--therapists "$2"); shift ;;
    --days) DAYS=$2; GEN+=(--days "$2"); shift ;;
    --size-compare) SIZE_COMPARE=1 ;;
    --database) REUSE=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if [[ -n "$SIZE_COMPARE" ]]; then
  C=${CHILDREN:-50} T=${THERAPISTS:-15} D=${DAYS:-30}
  OUT=$(mktemp -d /tmp/bench-size.XXXXXX)
  for k in 1 10; do
    echo "== progress at ${k}×: $((C * k)) children, $((T * k)) therapists, $D days; the first $C children measured"
    "$0" --small --children $((C * k)) --therapists $((T * k)) --days "$D" --fixtures "$C" --only progress \
      --seconds "$SECONDS_PER_RUN" --rounds "$ROUNDS" --port "$PORT" | tee "$OUT/$k.txt"
  done
  # "progress (8 conn)  spark  req/s  p50  p99  CPU  errors" and "  baseline  req/s  p50  p99  CPU  errors"
  field() { awk -v who="$2" -v n="$3" '$1 == "progress" && $4 == "spark" && who == "spark" { print $(n + 4) }
    $1 == "baseline" && prev ~ /^progress/ && who == "baseline" { print $(n + 1) } { prev = $1 }' "$OUT/$1.txt"; }
  echo
  echo "== progress of the same $C children (same histories: the generator's ids and days are deterministic) at 1× and 10×"
  printf '%-10s %-9s %10s %9s %9s %10s\n' size target req/s 'p50 ms' 'p99 ms' 'CPU ms/req'
  for k in 1 10; do
    for who in spark baseline; do
      printf '%-10s %-9s %10s %9s %9s %10s\n' "${k}×" "$who" "$(field $k $who 1)" "$(field $k $who 2)" \
        "$(field $k $who 3)" "$(field $k $who 4)"
    done
  done
  for who in spark baseline; do
    echo "$who 10×/1×: req/s $(echo "scale=2; $(field 10 $who 1) / $(field 1 $who 1)" | bc)," \
      "p50 $(echo "scale=2; $(field 10 $who 2) / $(field 1 $who 2)" | bc)," \
      "CPU per request $(echo "scale=2; $(field 10 $who 4) / $(field 1 $who 4)" | bc) (1.00 = independent of size)"
  done
  echo "load average after $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$OUT"
  exit 0
fi

# idle streams need a socket (a file descriptor) each, in the client and in the server (both inherit this)
if [[ "$(ulimit -n)" != unlimited ]] && (( $(ulimit -n) < 65536 )); then
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fi
if [[ -z "$ONLY" || ",$ONLY," == *,streams,* ]] && [[ "$(ulimit -n)" != unlimited ]] && (( $(ulimit -n) < STREAMS + 1000 )); then
  echo "warning: ulimit -n is $(ulimit -n) (hard $(ulimit -Hn)); $STREAMS streams need about $((STREAMS + 1000))" >&2
fi
BASE_PORT=$((PORT + 1)) MANAGEMENT_PORT=$((PORT + 2))
JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DB=${REUSE:-spark_bench_perf_$$}
WORK=$(mktemp -d /tmp/bench-perf.XXXXXX)
PASSWORD=bench-perf-$(date +%s)
if [[ -n "$REUSE" ]]; then
  # every account of a kept clinic signs in with the password of the run that generated it (its database comment)
  PASSWORD=$(psql -h 127.0.0.1 -U postgres -X -At -d "$REUSE" -c \
    "select shobj_description(oid, 'pg_database') from pg_database where datname = current_database()" \
    | sed -n 's|^benchmarks/perf password: ||p')
  [[ -n "$PASSWORD" ]] || { echo "database $REUSE has no benchmarks/perf password comment (generate it with KEEP_DB=1)" >&2; exit 2; }
fi
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
  if [[ "${KEEP_DB:-}" != 1 && -z "$REUSE" ]]; then dropdb --if-exists "$DB"; else echo "kept database $DB"; fi
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
  export SPARK_DATA_DIR=$WORK/data SPARK_MANAGEMENT_PORT=$MANAGEMENT_PORT
  if [[ -n "$JAR" ]]; then
    # SPARK_JAVA_OPTS: extra JVM options for SPARKTherapy only, e.g. a flight recording (-XX:StartFlightRecording=…)
    setsid "$JAVA" ${SPARK_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" >> "$WORK/spark.log" 2>&1 &
  else
    JAVA_HOME=$JAVA_HOME setsid ./mvnw -B -q -DskipWeb spring-boot:run \
      -Dspring-boot.run.arguments=--server.port="$PORT" >> "$WORK/spark.log" 2>&1 &
  fi
  APP=$!
}

echo "== SPARKTherapy: ${JAR:-./mvnw spring-boot:run}${JAR:+ (built $(date -r "$JAR" '+%F %T'))}, database $DB, port $PORT"
if [[ -n "$REUSE" ]]; then
  # a clinic generated by an earlier run (KEEP_DB=1): no first start, no generation; kept afterwards
  FIRST="(not measured: --database)"
  SIZE_NOW=$(psql -X -At -d "$DB" -c "select pg_size_pretty(pg_database_size(current_database()))")
  echo "== reusing database $DB ($SIZE_NOW), generated earlier; kept at the end"
else
  createdb "$DB"
  T0=$(date +%s%N); start_spark
  FIRST=$(healthy "http://localhost:$PORT/api/health" "$T0" "$APP" "$WORK/spark.log")
  echo "first start (empty database, migrations): ${FIRST} s to healthy"

  echo "== generating (${SIZE:---full}${GEN[*]:+ ${GEN[*]}})"
  T0=$(date +%s%N)
  "$ROOT/benchmarks/generate/generate.sh" "$DB" $SIZE "${GEN[@]}"
  echo "generated in $(echo "scale=1; ($(date +%s%N) - $T0) / 1000000000" | bc) s; database $(psql -X -At -d "$DB" -c "select pg_size_pretty(pg_database_size(current_database()))")"
  # the accounts' password, for a later --database run on this clinic
  psql -X -q -d "$DB" -c "comment on database $DB is 'benchmarks/perf password: $PASSWORD'"
  stop "$APP"
fi

echo "== restarting SPARKTherapy on the existing database"
T0=$(date +%s%N); start_spark
RESTART=$(healthy "http://localhost:$PORT/api/health" "$T0" "$APP" "$WORK/spark.log")
SPARK_PID=$(java_pid "$APP")
echo "start to healthy (existing database): ${RESTART} s (pid $SPARK_PID)"

echo "== baseline"
if [[ ! -f benchmarks/baseline/target/bench-baseline.jar \
  || -n "$(find benchmarks/baseline/src benchmarks/baseline/pom.xml -newer benchmarks/baseline/target/bench-baseline.jar)" ]]; then
  # offline first; a fresh machine may not hold the baseline's own dependencies (its Tomcat: the app runs on Jetty)
  JAVA_HOME=$JAVA_HOME ./mvnw -o -q -B -f benchmarks/baseline/pom.xml package -DskipTests > /dev/null 2>&1 \
    || JAVA_HOME=$JAVA_HOME ./mvnw -q -B -f benchmarks/baseline/pom.xml package -DskipTests
fi
T0=$(date +%s%N)
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  setsid "$JAVA" -jar benchmarks/baseline/target/bench-baseline.jar --server.port="$BASE_PORT" > "$WORK/baseline.log" 2>&1 &
BASE=$!
BASE_START=$(healthy "http://localhost:$BASE_PORT/health" "$T0" "$BASE" "$WORK/baseline.log")
echo "baseline start to healthy: ${BASE_START} s (pid $BASE)"

psql -X -q -d "$DB" -v limit="$FIXTURES" -f "$HERE/fixture.sql" > "$WORK/fixture.csv"
echo "== workloads ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before, ulimit -n $(ulimit -n))"
"$JAVA" "$HERE/Perf.java" "http://localhost:$PORT" "$SPARK_PID" "http://localhost:$BASE_PORT" "$BASE" "$PASSWORD" \
  "$WORK/fixture.csv" "$SECONDS_PER_RUN" "$ROUNDS" "$ONLY" "$STREAMS" \
  "http://localhost:$MANAGEMENT_PORT" "$WARMUP"
echo
echo "start to healthy: SPARKTherapy ${RESTART} s on the existing database (first start with migrations ${FIRST} s),"\
  "baseline ${BASE_START} s; load average after $(cut -d' ' -f1-3 /proc/loadavg)"
if awk -v s="$RESTART" 'BEGIN { exit !(s <= 5) }'; then verdict=met; else verdict="NOT MET"; fi
printf '%-62s %-8s %s\n' "start to healthy <= 5 s (existing database, plain java -jar)" "$verdict" "${RESTART} s"
echo "  (the systemd install starts from the JDK's AOT cache, ADR 0051: measure that with benchmarks/start-to-healthy)"
