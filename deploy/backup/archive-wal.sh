#!/usr/bin/env bash
# SPARKTherapy WAL archiving: PostgreSQL's archive_command for continuous archiving (point-in-time recovery with
# base-backup.sh and recover.sh; docs/deployment.md, "Point-in-time recovery"; ADR 0043). In postgresql.conf:
#   wal_level = replica
#   archive_mode = on
#   archive_command = '/opt/sparktherapy/bin/archive-wal.sh /var/backups/postgresql %p %f'
# Copies one finished WAL segment (or history/backup file) into BACKUP_DIR/wal/ so that it is there completely or
# not at all: written under a temporary name, flushed to disk, then linked to its name (a link never replaces an
# existing file) and the directory flushed. Exits non-zero on any failure: PostgreSQL keeps the segment and retries.
set -euo pipefail

fail() { echo "archive-wal: $1" >&2; exit "${2:-1}"; }

[ $# -eq 3 ] || fail "usage: archive-wal.sh BACKUP_DIR %p %f (as archive_command)" 2
backup_dir="$1" source="$2" name="$3"
[[ "$name" =~ ^[0-9A-F]{24}(\.partial|\.[0-9A-F]{8}\.backup)?$|^[0-9A-F]{8}\.history$ ]] \
  || fail "$name is not the name of a WAL file" 2
[ -f "$source" ] || fail "$source (the WAL file to archive) does not exist" 2
[ -d "$backup_dir" ] || fail "$backup_dir does not exist (create it, writable by the server's user)" 2
wal="$backup_dir/wal"
umask 077
mkdir -p "$wal"
target="$wal/$name"

if [ -e "$target" ]; then
  # archived before, but PostgreSQL did not hear of it (a crash in between): the same content is a success;
  # anything else must never be overwritten (another server archiving into the same place?)
  cmp -s -- "$source" "$target" && exit 0
  fail "$target exists with other content: refusing to overwrite it (is another server archiving here?)"
fi

tmp="$wal/.$name.$$.tmp"
trap 'rm -f -- "$tmp"' EXIT
cp -- "$source" "$tmp" || fail "copying $name failed"
sync -- "$tmp" || fail "flushing $name to disk failed"
if ! ln -- "$tmp" "$target" 2>/dev/null; then
  # a concurrent archiver of the same file won the race: fine only if it wrote the same bytes
  cmp -s -- "$tmp" "$target" && exit 0
  fail "could not link $name into $wal"
fi
sync -- "$wal" || fail "flushing $wal to disk failed"
