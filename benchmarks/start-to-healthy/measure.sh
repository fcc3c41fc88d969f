#!/usr/bin/env bash
# Start to healthy: starts `java [JAVA_OPTS] <command…>` RUNS times (default 5) and prints, per run, the milliseconds
# from the process's start to the first 200 from /api/health (polled every 50 ms), then the median.
# Usage: RUNS=5 PORT=5120 SPARK_MANAGEMENT_PORT=5121 SPRING_DATASOURCE_URL=... \
#        benchmarks/start-to-healthy/measure.sh [java options…] -jar target/sparktherapy-*.jar
# JAVA (default: $JAVA_HOME/bin/java, else Temurin 25) picks the JDK. The app's output goes to $LOG (default /dev/null).
set -euo pipefail
JAVA=${JAVA:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java}
RUNS=${RUNS:-5}
PORT=${PORT:-5120}
LOG=${LOG:-/dev/null}
export PORT
export SPARK_DATA_DIR=${SPARK_DATA_DIR:-$(mktemp -d)}
times=()
cpus=()
for i in $(seq "$RUNS"); do
  start=$(date +%s%N)
  "$JAVA" "$@" >>"$LOG" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/health"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "run $i: the app exited (see \$LOG)" >&2; exit 1; fi
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  # CPU the JVM used until then (user + system, all its threads): steadier than wall time on a busy machine
  read -r -a stat < <(sed 's/.*) //' "/proc/$pid/stat")
  cpu=$(( (stat[11] + stat[12]) * 1000 / $(getconf CLK_TCK) ))
  times+=("$ms"); cpus+=("$cpu")
  echo "run $i: ${ms} ms to healthy, ${cpu} ms of CPU, load $(cut -d' ' -f1 /proc/loadavg)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( $# / 2 + 1 ))p"; }
echo "median of $RUNS: $(median "${times[@]}") ms to healthy, $(median "${cpus[@]}") ms of CPU"
