#!/usr/bin/env bash
# Runs deploy/nginx/sparktherapy.conf with the real nginx (plain HTTP on a spare port, upstream = a running node):
# checks the syntax, that an event stream is passed through unbuffered with its headers, that /metrics is
# refused (it lives on the nodes' management port), that the access log holds no query string, and that NGINX's
# own 502 (no node answers) is problem details. Binds only the port it was given: the site's redirect block
# (ports 80) is left out.
# Usage: deploy/nginx/check.sh [node-url]   (default http://127.0.0.1:5000)
set -euo pipefail
node="${1:-http://127.0.0.1:5000}"
node_addr="${node#http://}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
port="${NGINX_CHECK_PORT:-18080}"
trap 'nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/logs"

# The site as shipped, adapted for a test run: HTTP on $port, the given node, logs in the work dir, and without
# the HTTP→HTTPS redirect block (whose ports are not ours to bind).
site() {
  awk '/^server \{/ { block = $0 "\n"; inblock = 1; next }
       inblock { block = block $0 "\n"; if ($0 ~ /^\}/) { inblock = 0; if (block !~ /return 301/) printf "%s", block } ; next }
       { print }' "$here/sparktherapy.conf" |
  sed -e "s#server 127.0.0.1:5000#server $1#" \
      -e "s#/var/log/nginx/#$work/logs/#g" \
      -e "/listen \[::\]/d" -e "s#listen 443 ssl;#listen 127.0.0.1:$port;#" \
      -e "/ssl_/d" -e "/http2 on;/d" > "$work/site.conf"
  grep -q "listen 127.0.0.1:$port;" "$work/site.conf" || { echo "FAIL: no listen line for port $port"; exit 1; }
  [ "$(grep -c 'listen ' "$work/site.conf")" = 1 ] || { echo "FAIL: the test site would bind other ports"; exit 1; }
}
site "$node_addr"
cat > "$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 256; }
http {
  client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fcgi;
  uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  include $work/site.conf;
}
CONF
start() {
  nginx -t -q -p "$work" -c "$work/nginx.conf"
  nginx -p "$work" -c "$work/nginx.conf"
  # listening as soon as the master has bound the port: wait for it (up to 10 s) rather than a fixed pause
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.1
  done
}
start

status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/metrics")
[ "$status" = 403 ] || { echo "FAIL: /metrics through nginx answered $status, expected 403"; exit 1; }

headers=$(curl -s -D - -o /dev/null --max-time 3 "http://127.0.0.1:$port/api/events?ticket=not-a-real-ticket" || true)
echo "$headers" | grep -q '^HTTP/1.1 401' || { echo "FAIL: stream without a valid ticket was not refused"; exit 1; }
# nginx writes the access log line after the response has gone out: wait for it (up to 10 s) before reading it
log="$work/logs/sparktherapy.access.log"
for _ in $(seq 1 100); do
  grep -q '"GET /api/events HTTP/1.1" 401' "$log" 2>/dev/null && break
  sleep 0.1
done
grep -q '"GET /api/events HTTP/1.1" 401' "$log" || { echo "FAIL: access log line missing"; exit 1; }
grep -q 'not-a-real-ticket' "$log" && { echo "FAIL: query string in the access log"; exit 1; }

if [ -n "${SPARK_CHECK_EMAIL:-}" ]; then
  token=$(curl -s -H 'Content-Type: application/json' \
    -d "{\"email\":\"$SPARK_CHECK_EMAIL\",\"password\":\"$SPARK_CHECK_PASSWORD\"}" \
    "http://127.0.0.1:$port/api/auth/login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  # an unbuffered stream: the ready event arrives at once although the response never ends
  first=$(curl -s -N --max-time 3 -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/events" | head -c 200 || true)
  echo "$first" | grep -q 'event:ready' || { echo "FAIL: no ready event through nginx: $first"; exit 1; }
fi
# NGINX's own errors are problem details: the site again, its node a port where nothing listens
nginx -p "$work" -c "$work/nginx.conf" -s stop
for _ in $(seq 1 100); do [ -e "$work/nginx.pid" ] || break; sleep 0.1; done
site "127.0.0.1:1"
start
bad=$(curl -s -D "$work/bad.headers" -X POST -H 'Content-Type: application/json' -d '{}' \
  "http://127.0.0.1:$port/api/auth/login")
grep -q '^HTTP/1.1 502' "$work/bad.headers" || { echo "FAIL: no 502 without a node: $(head -1 "$work/bad.headers")"; exit 1; }
grep -qi '^Content-Type: application/problem+json' "$work/bad.headers" ||
  { echo "FAIL: NGINX's 502 is not problem+json"; exit 1; }
echo "$bad" | grep -q '"status":502' && echo "$bad" | grep -q '"type":"https://sparktherapy.org/problems/bad-gateway"' &&
  echo "$bad" | grep -Eq '"traceId":"[0-9a-f]{32}"' || { echo "FAIL: NGINX's 502 body: $bad"; exit 1; }
echo "nginx site config OK"
