#!/usr/bin/env bash
# SPARKTherapy base backup for point-in-time recovery: a copy of the whole PostgreSQL server (pg_basebackup, plain
# format, its WAL streamed alongside so the copy is consistent on its own), checked with pg_verifybackup. With the
# WAL archive that archive-wal.sh fills, recover.sh restores it to any moment after it. Retention removes old base
# backups and the archived WAL that no kept base backup needs. docs/deployment.md, "Point-in-time recovery";
# ADR 0043.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: base-backup.sh --out BACKUP_DIR [--keep-days N]

Writes BACKUP_DIR/base/base-<UTC time>/ (a data directory: pg_basebackup --format=plain --wal-method=stream
--checkpoint=fast, with its backup_manifest), verified with pg_verifybackup, written as .incomplete-* and renamed
only once verified. BACKUP_DIR/wal/ is the WAL archive that archive-wal.sh fills (archive_command).

  --out BACKUP_DIR   the backup location (created if missing), the same as archive-wal.sh's
  --keep-days N      afterwards, delete base backups whose time (in their name) is more than N days ago (never the
                     newest), then the archived WAL older than what the oldest kept base backup needs
                     (pg_archivecleanup). Default: $BACKUP_KEEP_DAYS; none: keep all.

The server: PGHOST, PGPORT, PGUSER (a role with REPLICATION, allowed by pg_hba.conf's "replication" lines),
PGPASSWORD or PGPASSFILE. The PostgreSQL tools (pg_basebackup, pg_verifybackup, pg_archivecleanup) are taken from
PATH or PG_BINDIR (default: pg_config --bindir), and must be of the server's major version.
Each run (a failed one too) writes its result for Prometheus to
$BACKUP_METRICS_DIR/sparktherapy_backup_base.prom (default: /var/lib/prometheus/node-exporter; empty: none).

Exit codes: 0 done and verified, 1 failed, 2 usage or configuration error, 3 verification failed.
USAGE
}

fail() { echo "base-backup: $1" >&2; exit "${2:-1}"; }

out="" keep_days="${BACKUP_KEEP_DAYS:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="${2:-}"; shift 2 || fail "--out needs a value" 2 ;;
    --keep-days) [ $# -ge 2 ] || fail "--keep-days needs a value" 2; keep_days="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

started=$(date -u +%s) backup_size=0
here="$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=backup-metrics.sh
if ! . "$here/backup-metrics.sh"; then
  echo "base-backup: $here/backup-metrics.sh is missing: no metrics for Prometheus" >&2
  backup_metrics_publish() { :; }
fi
partial=""
on_exit() {
  local status=$?
  [ -z "$partial" ] || rm -rf -- "$partial"
  backup_metrics_publish base "$([ "$status" = 0 ] && echo 1 || echo 0)" "$started" "$backup_size"
}
trap on_exit EXIT

[ -n "$out" ] || { usage >&2; exit 2; }
[ -z "$keep_days" ] || [[ "$keep_days" =~ ^[0-9]+$ ]] || fail "--keep-days takes a number of days" 2
bindir="${PG_BINDIR:-$(pg_config --bindir 2>/dev/null || true)}"
tool() {
  if [ -n "$bindir" ] && [ -x "$bindir/$1" ]; then echo "$bindir/$1"
  elif command -v "$1" >/dev/null; then command -v "$1"
  else fail "$1 is not installed (set PG_BINDIR to PostgreSQL's bin directory)" 2
  fi
}
pg_basebackup=$(tool pg_basebackup) pg_verifybackup=$(tool pg_verifybackup) pg_archivecleanup=$(tool pg_archivecleanup)

umask 077
mkdir -p "$out/base"
[ -d "$out/wal" ] || echo "base-backup: no WAL archive in $out/wal yet (archive_command not set up?): this base backup alone restores only to its own end" >&2
name="base-$(date -u +%Y%m%dT%H%M%SZ)"
[ ! -e "$out/base/$name" ] || fail "$out/base/$name already exists" 2
partial="$out/base/.incomplete-$name"
rm -rf -- "$partial"

echo "base-backup: copying the server (pg_basebackup)"
"$pg_basebackup" --pgdata="$partial" --format=plain --wal-method=stream --checkpoint=fast --label="$name" \
  --no-password || fail "pg_basebackup failed"
echo "base-backup: verifying"
"$pg_verifybackup" --quiet "$partial" || fail "pg_verifybackup found the copy damaged or incomplete" 3
first=$(sed -nE 's/^START WAL LOCATION: .*\(file ([0-9A-F]{24})\)$/\1/p' "$partial/backup_label")
[[ "$first" =~ ^[0-9A-F]{24}$ ]] || fail "the copy's backup_label names no start WAL segment" 3
mv -- "$partial" "$out/base/$name"
partial=""
backup_size=$(du -sb "$out/base/$name" | cut -f1)
echo "base-backup: wrote $out/base/$name (from WAL $first, $(du -sh "$out/base/$name" | cut -f1)), verified"

# Retention, only after a new base backup was verified; by the time in the name, the newest is always kept. The
# WAL archive keeps everything from the start segment of the oldest base backup left.
if [ -n "$keep_days" ]; then
  cutoff=$(( $(date -u +%s) - keep_days * 86400 ))
  newest=$(find "$out/base" -mindepth 1 -maxdepth 1 -type d -name 'base-*' -printf '%f\n' | sort | tail -n 1)
  for old in $(find "$out/base" -mindepth 1 -maxdepth 1 -type d -name 'base-*' -printf '%f\n' | sort); do
    [[ "$old" =~ ^base-([0-9]{8})T([0-9]{2})([0-9]{2})([0-9]{2})Z$ ]] || continue
    [ "$old" != "$newest" ] || continue
    taken=$(date -u -d "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}:${BASH_REMATCH[3]}:${BASH_REMATCH[4]}" +%s 2>/dev/null) || continue
    if [ "$taken" -lt "$cutoff" ]; then
      rm -rf -- "${out:?}/base/$old"
      echo "base-backup: removed base backup $old (older than $keep_days days)"
    fi
  done
  oldest=$(find "$out/base" -mindepth 1 -maxdepth 1 -type d -name 'base-*' -printf '%f\n' | sort | head -n 1)
  keep_from=$(sed -nE 's/^START WAL LOCATION: .*\(file ([0-9A-F]{24})\)$/\1/p' "$out/base/$oldest/backup_label")
  if [ -d "$out/wal" ] && [[ "$keep_from" =~ ^[0-9A-F]{24}$ ]]; then
    before=$(find "$out/wal" -maxdepth 1 -type f | wc -l)
    "$pg_archivecleanup" "$out/wal" "$keep_from" || fail "pg_archivecleanup failed (the base backup is fine)"
    echo "base-backup: removed $(( before - $(find "$out/wal" -maxdepth 1 -type f | wc -l) )) archived WAL files older than $keep_from (needed from $oldest on)"
  fi
fi
