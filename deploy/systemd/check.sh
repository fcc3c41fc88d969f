#!/usr/bin/env bash
# Checks the shipped systemd units with the real systemd-analyze, without installing anything:
#  - `systemd-analyze verify` on copies whose ExecStart programs (/opt/sparktherapy/...) are replaced by a stub
#    (verify refuses a unit whose program does not exist). verify exits 0 even for unknown keys or bad values and
#    only prints a warning, so ANY output counts as a failure here.
#  - `systemd-analyze security --offline=true --threshold=25`: the services' exposure stays at 2.5 or below.
# Usage: deploy/systemd/check.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export SYSTEMD_LOG_COLOR=0 SYSTEMD_PAGER=cat

printf '#!/bin/sh\nexit 0\n' > "$work/stub"
chmod +x "$work/stub"
for unit in "$here"/*.service "$here"/*.timer; do
  sed -E "s#^(Exec[A-Za-z]+=)/opt/sparktherapy/[^ ]+#\1$work/stub#" "$unit" > "$work/$(basename "$unit")"
done

status=0
for unit in "$work"/*.service "$work"/*.timer; do
  name="$(basename "$unit")"
  if ! out="$(cd "$work" && systemd-analyze verify --man=no "$unit" 2>&1)" || [ -n "$out" ]; then
    echo "FAIL: systemd-analyze verify $name:"
    echo "${out//$work/<units>}"
    status=1
  fi
done
for unit in "$work"/*.service; do
  name="$(basename "$unit")"
  if ! out="$(systemd-analyze security --offline=true --threshold=25 "$unit" 2>&1)"; then
    echo "FAIL: $name is too exposed:"
    echo "$out" | grep -E '✗|Overall'
    status=1
  else
    echo "$out" | grep 'Overall'
  fi
done
[ "$status" = 0 ] && echo "systemd units OK"
exit "$status"
