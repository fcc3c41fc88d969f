#!/usr/bin/env bash
# SPARKTherapy point-in-time recovery: restores a base backup (base-backup.sh) into a new, empty data directory and
# sets it up to replay the archived WAL (archive-wal.sh) up to a chosen moment, then to become a normal server.
# docs/deployment.md, "Point-in-time recovery"; ADR 0043.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: recover.sh --base BASE_DIR --to 'YYYY-MM-DD HH:MM:SS+00' --data-dir NEW_DATA_DIR [--wal WAL_DIR]

  --base BASE_DIR      a base backup: BACKUP_DIR/base/base-<UTC time>, taken before the moment you want
  --to TIME            the moment to recover to, with its time zone: '2026-12-04 14:30:00+00',
                       '2026-12-04T14:30:00Z', '2026-12-04 15:30:00.25+01'. Transactions committed up to it are
                       kept; the first one committed after it, and everything later, is not.
  --data-dir DIR       where the recovered server's files go: must not exist, or be empty
  --wal WAL_DIR        the WAL archive (default: BACKUP_DIR/wal next to the base backup's base/)

Copies the base backup into DIR and writes to DIR/postgresql.auto.conf
  restore_command = 'cp "WAL_DIR/%f" "%p"'
  recovery_target_time = 'TIME'
  recovery_target_action = 'promote'
  archive_mode = 'off'   (the recovered server does not archive into the old archive until you decide so)
and creates DIR/recovery.signal. Nothing is started. Run it as the user the server runs as (postgres), then
start a server of the same major version on DIR, e.g.
  pg_ctl --pgdata=DIR --log=DIR/recovery.log start          (any free port: -o '-p 5433')
or, for Debian's cluster: stop it, move /var/lib/postgresql/15/main aside, move DIR there and
  pg_ctlcluster 15 main start
Its log says "recovery stopping before commit of transaction …, time …" and "database system is ready to accept
connections"; recovery.signal is gone then. Check the data, then (if it is the new primary) turn archiving on again
(`ALTER SYSTEM RESET archive_mode`, restart) and take a new base backup at once.

Exit codes: 0 ready to start, 1 failed (DIR is removed again if this script created it), 2 usage or a bad input
(nothing was changed).
USAGE
}

fail() { echo "recover: $1" >&2; exit "${2:-1}"; }

base="" to="" data_dir="" wal=""
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base="${2:-}"; shift 2 || fail "--base needs a value" 2 ;;
    --to) to="${2:-}"; shift 2 || fail "--to needs a value" 2 ;;
    --data-dir) data_dir="${2:-}"; shift 2 || fail "--data-dir needs a value" 2 ;;
    --wal) wal="${2:-}"; shift 2 || fail "--wal needs a value" 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[ -n "$base" ] && [ -n "$to" ] && [ -n "$data_dir" ] || { usage >&2; exit 2; }

# every check comes before the first change
[ -d "$base" ] || fail "no base backup at $base" 2
for needed in PG_VERSION backup_label backup_manifest global/pg_control; do
  [ -f "$base/$needed" ] || fail "$base is not a base backup made by base-backup.sh (no $needed)" 2
done
[ -n "$wal" ] || wal="$(cd "$base/../.." && pwd)/wal"
[ -d "$wal" ] || fail "no WAL archive at $wal (give --wal)" 2
wal="$(cd "$wal" && pwd)"
[[ "$wal" != *[\'\"%\\]* ]] || fail "the WAL archive's path $wal must not contain quotes, % or \\" 2

time_pattern='^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})? ?(Z|UTC|[+-][0-9]{2}(:?[0-9]{2})?)$'
[[ "$to" =~ $time_pattern ]] \
  || fail "--to '$to' is not a time like '2026-12-04 14:30:00+00' (date, time and time zone)" 2
target=$(date -u -d "${to/T/ }" +%s 2>/dev/null) || fail "--to '$to' is not a valid time" 2
[ "$target" -le "$(date -u +%s)" ] || fail "--to '$to' is in the future" 2
label_start=$(sed -nE 's/^START TIME: (.*)$/\1/p' "$base/backup_label")
# its time zone is the server's log_timezone, named as the server spells it: if date cannot read it, PostgreSQL
# itself refuses a target before the backup when it starts
if started=$(date -u -d "$label_start" +%s 2>/dev/null); then
  [ "$target" -ge "$started" ] \
    || fail "--to '$to' is before the base backup was taken ($label_start): choose an older base backup" 2
else
  echo "recover: cannot read the base backup's START TIME ($label_start); not checked against --to" >&2
fi

if [ -e "$data_dir" ]; then
  [ -d "$data_dir" ] || fail "$data_dir exists and is not a directory" 2
  [ -z "$(ls -A "$data_dir")" ] || fail "$data_dir is not empty: recover into a new or empty directory" 2
  created=false
else
  created=true
fi

cleanup_failed() {
  if [ "$created" = true ]; then rm -rf -- "$data_dir"; else find "$data_dir" -mindepth 1 -delete 2>/dev/null || true; fi
}
trap 'status=$?; [ "$status" = 0 ] || [ "$status" = 2 ] || cleanup_failed' EXIT

umask 077
mkdir -p "$data_dir"
chmod 700 "$data_dir"
echo "recover: copying $(basename "$base") into $data_dir"
cp -a -- "$base/." "$data_dir/" || fail "copying the base backup failed"
rm -f -- "$data_dir/standby.signal" "$data_dir/postmaster.pid"
cat >> "$data_dir/postgresql.auto.conf" <<CONF
# recover.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ): point-in-time recovery from $(basename "$base") to $to
restore_command = 'cp "$wal/%f" "%p"'
recovery_target_time = '$to'
recovery_target_action = 'promote'
archive_mode = 'off'
CONF
touch "$data_dir/recovery.signal"
echo "recover: $data_dir replays the WAL from $wal up to $to when a PostgreSQL $(cat "$data_dir/PG_VERSION") server starts on it (recover.sh --help)"
