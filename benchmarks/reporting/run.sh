#!/usr/bin/env bash
# The reporting benchmark (README.md): a scratch database on the local PostgreSQL, a node migrated onto it, a
# generated year of a 100-child clinic, then the published views and the report routes timed; the database is dropped
# at the end. Usage, from the repository root: benchmarks/reporting/run.sh [port] [runs]
# (JAR=target/sparktherapy-….jar runs a packaged jar instead of ./mvnw spring-boot:run)
set -euo pipefail
PORT=${1:-5165}
RUNS=${2:-5}
DB=spark_bench_reporting
PSQL="psql -h 127.0.0.1 -U postgres -X -q"
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
PASSWORD=bench-reporting-$(date +%s)
HERE=$(cd "$(dirname "$0")" && pwd)

dropdb -h 127.0.0.1 -U postgres --if-exists $DB
createdb -h 127.0.0.1 -U postgres $DB
cleanup() {
  if [[ -n "${APP:-}" ]]; then kill -- -"$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
  # KEEP_DB=1 keeps the clinic for a look at query plans (psql -h 127.0.0.1 -U postgres spark_bench_reporting)
  if [[ "${KEEP_DB:-}" != 1 ]]; then dropdb -h 127.0.0.1 -U postgres --if-exists $DB; fi
}
trap cleanup EXIT

export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres
export SPARK_BOOTSTRAP_ADMIN_EMAIL=admin@bench.sparktherapy.org SPARK_BOOTSTRAP_ADMIN_PASSWORD=$PASSWORD
export SPARK_DATA_DIR=/tmp/bench-reporting-data
if [[ -n "${JAR:-}" ]]; then
  setsid "$JAVA" -jar "$JAR" --server.port=$PORT > /tmp/bench-reporting-app.log 2>&1 &
else
  setsid ./mvnw -B -q -DskipWeb spring-boot:run -Dspring-boot.run.arguments=--server.port=$PORT > /tmp/bench-reporting-app.log 2>&1 &
fi
APP=$!
until curl -fs "http://localhost:$PORT/api/health" > /dev/null; do
  kill -0 $APP 2>/dev/null || { tail -30 /tmp/bench-reporting-app.log; exit 1; }
  sleep 2
done

echo "== generating a year of a 100-child clinic"
time $PSQL -d $DB -f "$HERE/generate.sql"

echo "== published views"
$PSQL -d $DB -f "$HERE/views.sql" | grep -E '^Time:'

echo "== report routes"
$JAVA "$HERE/ReportingBenchmark.java" "http://localhost:$PORT" "$SPARK_BOOTSTRAP_ADMIN_EMAIL" "$PASSWORD" "$RUNS"
