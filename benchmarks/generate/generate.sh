#!/usr/bin/env bash
# Fills a database that a SPARKTherapy node has migrated with a generated clinic group (generate.sql, ADR 0047).
# Usage: benchmarks/generate/generate.sh <database> [--small | --medium] [--children N] [--therapists N] [--days N]
#        [--per-week N] [--trials N] [--messages N] [--audit N] [--password-hash HASH]
# Defaults, the full clinic group: 1,000 children, 150 therapists, 730 days, 3 sessions a week, 90 trials a session
# (~290k sessions, ~27M events), 100 messages per child, 2 audit rows per session.
# --small: 50 children, 15 therapists, 30 days (seconds); --medium: 200 children, 40 therapists, 365 days.
# Every generated account's password hash is --password-hash, or else the first admin's (the node's bootstrap
# admin), so the benchmark signs in as any therapist or parent with the admin's password.
# PGHOST/PGPORT/PGUSER default to the machine's PostgreSQL (127.0.0.1:5432, postgres).
set -euo pipefail
DB=${1:?database}
shift
CHILDREN=1000 THERAPISTS=150 DAYS=730 PER_WEEK=3 TRIALS=90 MESSAGES=100 AUDIT=2 HASH=
while [[ $# -gt 0 ]]; do
  case $1 in
    --small) CHILDREN=50 THERAPISTS=15 DAYS=30 MESSAGES=40 ;;
    --medium) CHILDREN=200 THERAPISTS=40 DAYS=365 ;;
    --children) CHILDREN=$2; shift ;;
    --therapists) THERAPISTS=$2; shift ;;
    --days) DAYS=$2; shift ;;
    --per-week) PER_WEEK=$2; shift ;;
    --trials) TRIALS=$2; shift ;;
    --messages) MESSAGES=$2; shift ;;
    --audit) AUDIT=$2; shift ;;
    --password-hash) HASH=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if (( THERAPISTS < 2 || PER_WEEK < 1 || PER_WEEK > 5 || CHILDREN < 1 || DAYS < 1 || TRIALS < 3 || AUDIT < 1 || MESSAGES < 1 )); then
  echo "sizes: therapists >= 2, per-week 1-5, trials >= 3, children, days, audit, messages >= 1" >&2; exit 2
fi
RBTS=$((THERAPISTS - (THERAPISTS / 5 > 1 ? THERAPISTS / 5 : 1)))
if (( (CHILDREN + RBTS - 1) / RBTS * PER_WEEK > 40 )); then
  echo "$CHILDREN children on $RBTS technicians at $PER_WEEK sessions a week do not fit in 8 two-hour slots a weekday: add therapists" >&2; exit 2
fi
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
PSQL="psql -X -q -v ON_ERROR_STOP=1 -d $DB"
if [[ -z "$HASH" ]]; then
  HASH=$($PSQL -At -c "select password_hash from accounts where role = 'admin' order by created_at limit 1")
  [[ -n "$HASH" ]] || { echo "no admin in $DB to copy a password hash from (start a node with SPARK_BOOTSTRAP_ADMIN_*)" >&2; exit 1; }
fi
echo "generating into $DB: $CHILDREN children, $THERAPISTS therapists, $DAYS days, $PER_WEEK sessions/week, $TRIALS trials/session, $MESSAGES messages/child, $AUDIT audit rows/session"
$PSQL -v children="$CHILDREN" -v therapists="$THERAPISTS" -v days="$DAYS" -v per_week="$PER_WEEK" \
  -v trials="$TRIALS" -v messages="$MESSAGES" -v audit="$AUDIT" -v password_hash="$HASH" \
  -f "$(dirname "$0")/generate.sql"
