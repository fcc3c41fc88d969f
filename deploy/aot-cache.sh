#!/usr/bin/env bash
# Creates the JDK's ahead-of-time cache (JEP 483/514, JDK 25+) for an extracted SPARKTherapy jar, so the JVM starts
# with the app's classes already loaded and linked and with profiles of a training run (ADR 0051).
#
# Usage: deploy/aot-cache.sh APP_JAR CACHE
#   APP_JAR  the *extracted* jar (`java -Djarmode=tools -jar sparktherapy.jar extract --destination DIR` writes
#            DIR/sparktherapy.jar and DIR/lib/); the cache only works with this form, not with the executable jar
#   CACHE    where the cache goes, e.g. /var/lib/sparktherapy/aot/app.aot; start the app with -XX:AOTCache=CACHE
# JAVA picks the JDK (default: the one next to the jar's install, /opt/sparktherapy/jdk, then $JAVA_HOME, then java).
#
# The training run is a full start of the app with the service's environment, on ports of its own (PORT=0 and
# SPARK_MANAGEMENT_PORT=0: the kernel picks free ones, so the proxy sends it nothing): it connects to the database,
# applies pending migrations as a start would, creates every bean, starts both web servers and runs the start-up
# work; once /api/health answers 200 it gets a few requests and a SIGTERM, and the JVM writes the cache as it exits.
# Training on the whole start (not only up to the context's refresh) also puts Jetty's start, the management
# context and the first requests' classes in the cache (ADR 0051: ~15-25 % less CPU per start than the refresh
# alone). It takes about as long as one start without the cache; AOT_TRAINING_TIMEOUT (seconds, default 300) bounds
# it.
# CACHE is only rebuilt when the jar or the JDK changed (a stamp next to it records both), so the systemd unit runs
# this before every start (ExecStartPre) at almost no cost. It never fails the start: on any error it leaves no
# cache behind and exits 0, and the JVM starts without one (with -XX:AOTCache set to a missing or stale file it
# prints a warning and runs normally).
set -uo pipefail
app_jar=${1:?usage: aot-cache.sh APP_JAR CACHE}
cache=${2:?usage: aot-cache.sh APP_JAR CACHE}
if [ -z "${JAVA:-}" ]; then
  for candidate in /opt/sparktherapy/jdk/bin/java "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then JAVA=$candidate; break; fi
  done
fi

log() { echo "aot-cache: $*" >&2; }

if [ ! -f "$app_jar" ] || [ ! -d "$(dirname "$app_jar")/lib" ]; then
  log "$app_jar is not an extracted jar (no lib/ beside it): no cache; extract it with -Djarmode=tools ... extract"
  exit 0
fi
# The JVM refuses a cache made by another JDK build or for other jars (it checks their sizes and times); the stamp
# says which ones this one is for: the app jar's checksum, the libraries' names, sizes and times, the JDK's version.
stamp="$(sha256sum "$app_jar" | cut -d' ' -f1) $(cd "$(dirname "$app_jar")/lib" && stat -c '%n %s %Y' -- * \
  | sha256sum | cut -d' ' -f1) $("$JAVA" -version 2>&1 | tr '\n' ' ')"
if [ -f "$cache" ] && [ "$(cat "$cache.stamp" 2>/dev/null)" = "$stamp" ]; then
  exit 0
fi

mkdir -p "$(dirname "$cache")"
rm -f "$cache" "$cache.stamp"
log "training run for $app_jar (the app starts once on ports of its own, answers a few requests, then stops)"
started=$(date +%s)
# JAVA_OPTS as the service uses them (heap size and the like), minus any AOT options of its own
opts=()
for opt in ${JAVA_OPTS:-}; do
  case "$opt" in -XX:AOT*) ;; *) opts+=("$opt") ;; esac
done

# the status code of GET http://127.0.0.1:PORT/PATH, with bash alone (no curl on the node needed)
status() {
  local line
  # (braces: a redirection on a bare exec would stay on the script's stderr for good)
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$2" >&3
  read -r -t 10 line <&3
  exec 3<&- 3>&-
  line=${line#* }
  echo "${line%% *}"
}

# the cache must be written to a directory the JVM can also create its temporary file in
PORT=0 SPARK_MANAGEMENT_PORT=0 SPARK_SHUTDOWN_DRAIN=0s \
  "$JAVA" "${opts[@]}" -XX:AOTCacheOutput="$cache" -jar "$app_jar" > "$cache.log" 2>&1 &
pid=$!
deadline=$(( started + ${AOT_TRAINING_TIMEOUT:-300} ))
port=
while kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do
  # the public port is the first web server to start (the management port's comes after it)
  # (Jetty since ADR 0052: "Jetty started on port 40123 (http/1.1) ..."; Tomcat's line is accepted too)
  port=$(grep -o -m1 '\(Jetty\|Tomcat\) started on port [0-9]*' "$cache.log" | grep -o '[0-9]*$')
  if [ -n "$port" ] && [ "$(status "$port" /api/health)" = 200 ]; then
    break
  fi
  port=
  sleep 0.5
done
if [ -n "$port" ]; then
  # what every node serves first: health checks, and requests without a token (refused by the security chain)
  for _ in 1 2 3 4 5; do status "$port" /api/health > /dev/null; done
  status "$port" /api/auth/profile > /dev/null
  status "$port" /api/children > /dev/null
fi
kill -TERM "$pid" 2>/dev/null
wait "$pid"
if [ -n "$port" ] && [ -s "$cache" ]; then
  echo "$stamp" > "$cache.stamp"
  log "created $cache ($(du -h "$cache" | cut -f1)) in $(( $(date +%s) - started )) s"
else
  rm -f "$cache"
  log "training run failed (see $cache.log); the app starts without a cache"
fi
exit 0
