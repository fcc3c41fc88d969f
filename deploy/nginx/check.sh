#!/usr/bin/env bash
# Runs deploy/nginx/sparktherapy.conf with the real nginx (plain HTTP on a spare port, upstream = a running node):
# checks the syntax, that an event stream is passed through unbuffered with its headers, that /metrics is
# refused (it lives on the nodes' management port), and that the access log holds no query string.
# Usage: deploy/nginx/check.sh [node-url]   (default http://127.0.0.1:5000)
set -euo pipefail
node="${1:-http://127.0.0.1:5000}"
node_addr="${node#http://}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
port="${NGINX_CHECK_PORT:-18080}"
trap 'nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/logs"

# The site as shipped, adapted for a test run: HTTP on $port, the given node, logs in the work dir.
sed -e "s#server 127.0.0.1:5000#server $node_addr#" \
    -e "s#/var/log/nginx/#$work/logs/#g" \
    -e "/listen \[::\]/d" -e "s#listen 443 ssl;#listen $port;#" -e "/listen 80;/d" \
    -e "/ssl_/d" -e "/http2 on;/d" \
    -e "s#return 301 https://\$host\$uri;#return 404;#" \
    "$here/sparktherapy.conf" > "$work/site.conf"
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
nginx -t -p "$work" -c "$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf"
# listening as soon as the master has bound the port: wait for it (up to 10 s) rather than a fixed pause
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.1
done

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
echo "nginx site config OK"
