#!/usr/bin/env bash
# SPARKTherapy restore: checks a backup made by backup.sh, then restores its database into an existing, empty
# PostgreSQL database in one transaction (all or nothing), then its files into the data dir. A backup of the
# embedded PostgreSQL (backup.sh --embedded) is unpacked into DATA_DIR/postgres instead: the app's own embedded
# server (the same major version) replays its WAL at the next start.
# See docs/deployment.md, "Backups and restores".
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: restore.sh --passphrase-file FILE --dbname NAME|URL [--data-dir DIR] [--force] BACKUP_DIR
       restore.sh --passphrase-file FILE --data-dir DIR [--force] BACKUP_DIR   (a backup of the embedded PostgreSQL)

  BACKUP_DIR              a sparktherapy-<UTC time> directory written by backup.sh
  --passphrase-file FILE  the passphrase the backup was made with (first line)
  --dbname NAME|URL       the target database; it must exist (createdb) and, without --force, be empty.
                          Host, port, user and password come from PGHOST, PGPORT, PGUSER, PGPASSWORD or
                          PGPASSFILE. Run it as the app's database user: restored objects belong to that user.
  --data-dir DIR          the app's SPARK_DATA_DIR: attachments/ and keys/ are restored there (without --force,
                          they must not exist yet). Without it, files are not restored.
  --force                 restore into a database that already holds tables (objects of the backup are
                          dropped and recreated, others stay) and over existing files; for the embedded
                          PostgreSQL, an existing DATA_DIR/postgres is moved aside (postgres.before-restore-<time>)

A backup of the embedded PostgreSQL needs --data-dir and no --dbname: its copy goes into DATA_DIR/postgres (which
must not exist or be empty, and is never touched while a server runs on it); start the app afterwards.

Stop the app (every node) first. Order: checksums, decryption (gpg refuses a manipulated file), emptiness of
the targets, then `pg_restore --single-transaction --exit-on-error` (a failure leaves the database as it was),
then the files.

Exit codes: 0 restored, 1 failed (the database is unchanged if the failure came before "database restored"),
2 usage or configuration error, 3 the backup is damaged or was tampered with, 4 the target is not empty.
USAGE
}

fail() { echo "restore: $1" >&2; exit "${2:-1}"; }
# server messages may quote row values (DETAIL/CONTEXT lines): never let them into logs
redact() { sed -E '/^(pg_dump|pg_restore|psql)?:? *(DETAIL|CONTEXT|LINE [0-9]+):/d; /^(DETAIL|CONTEXT):/d' >&2; }

passphrase_file="" dbname="" data_dir="" force=false backup=""
while [ $# -gt 0 ]; do
  case "$1" in
    --passphrase-file) passphrase_file="${2:-}"; shift 2 || fail "--passphrase-file needs a value" 2 ;;
    --dbname) dbname="${2:-}"; shift 2 || fail "--dbname needs a value" 2 ;;
    --data-dir) data_dir="${2:-}"; shift 2 || fail "--data-dir needs a value" 2 ;;
    --force) force=true; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) [ -z "$backup" ] || { usage >&2; exit 2; }; backup="$1"; shift ;;
  esac
done
[ -n "$passphrase_file" ] && [ -n "$backup" ] || { usage >&2; exit 2; }
[ -d "$backup" ] || fail "$backup is not a backup directory" 2
embedded=false
[ -f "$backup/postgres.tar.gz.gpg" ] && embedded=true
if [ "$embedded" = true ]; then
  [ -n "$data_dir" ] && [ -z "$dbname" ] || fail "a backup of the embedded PostgreSQL is restored with --data-dir (and no --dbname)" 2
else
  [ -n "$dbname" ] || { usage >&2; exit 2; }
fi
[ -r "$passphrase_file" ] && [ -s "$passphrase_file" ] || fail "passphrase file missing, unreadable or empty" 2
tools=(psql pg_restore gpg gpgconf sha256sum tar)
[ "$embedded" = true ] && tools=(gpg gpgconf sha256sum tar)
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || fail "$tool is not installed" 2
done

echo "restore: checking $backup"
database_parts=(database.dump.gpg)
[ "$embedded" = true ] && database_parts=(postgres.tar.gz.gpg postgres-wal.tar.gz.gpg)
[ -f "$backup/SHA256SUMS" ] || fail "not a complete backup (no SHA256SUMS)" 3
for part in "${database_parts[@]}"; do
  [ -f "$backup/$part" ] || fail "not a complete backup (no $part)" 3
done
grep -q '^sparktherapy-backup 1$' "$backup/FORMAT" 2>/dev/null || fail "unknown backup format" 3
(cd "$backup" && sha256sum --quiet --strict --check SHA256SUMS) || fail "checksums do not match: the backup is damaged" 3
for listed in "${database_parts[@]}" FORMAT; do
  grep -q "  $listed\$" "$backup/SHA256SUMS" || fail "$listed is not in SHA256SUMS" 3
done
if [ -n "$data_dir" ]; then
  [ -f "$backup/files.tar.gz.gpg" ] || fail "the backup holds no files (it was made without --data-dir)" 3
  grep -q '  files.tar.gz.gpg$' "$backup/SHA256SUMS" || fail "files.tar.gz.gpg is not in SHA256SUMS" 3
fi

umask 077
work="$(mktemp -d)"
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
cleanup() {
  gpgconf --kill gpg-agent >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
gpg_() { gpg --batch --quiet --no-tty --pinentry-mode loopback --passphrase-file "$passphrase_file" "$@"; }

# decrypt completely before restoring anything: gpg reports manipulation only at the end of the stream
if [ "$embedded" = true ]; then
  for part in postgres postgres-wal; do
    gpg_ --output "$work/$part.tar.gz" --decrypt "$backup/$part.tar.gz.gpg" \
      || fail "the database copy does not decrypt (wrong passphrase, or manipulated)" 3
    tar --list --gzip --file "$work/$part.tar.gz" > "$work/$part.list" || fail "the database copy is not readable" 3
  done
  grep -qxF ./PG_VERSION "$work/postgres.list" && grep -qxF backup_label "$work/postgres-wal.list" \
    || fail "the database copy lacks PG_VERSION or its backup label" 3
else
  gpg_ --output "$work/database.dump" --decrypt "$backup/database.dump.gpg" \
    || fail "the dump does not decrypt (wrong passphrase, or manipulated)" 3
  pg_restore --list "$work/database.dump" > /dev/null 2> >(redact) || fail "the decrypted dump is not readable" 3
fi
if [ -n "$data_dir" ]; then
  gpg_ --output "$work/files.tar.gz" --decrypt "$backup/files.tar.gz.gpg" \
    || fail "the files do not decrypt (wrong passphrase, or manipulated)" 3
  tar --list --gzip --file "$work/files.tar.gz" > /dev/null || fail "the files archive is not readable" 3
fi

if [ "$embedded" = true ]; then
  pgdata="$data_dir/postgres"
  pid="$(sed -n 1p "$pgdata/postmaster.pid" 2>/dev/null || true)"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    fail "a PostgreSQL (PID $pid) runs on $pgdata: stop the app first" 4
  fi
  if [ "$force" != true ]; then
    for part in postgres attachments keys; do
      if [ -e "$data_dir/$part" ] && [ -n "$(ls -A "$data_dir/$part")" ]; then
        fail "$data_dir/$part is not empty: restore into an empty data dir, or --force" 4
      fi
    done
  elif [ -e "$pgdata" ] && [ -n "$(ls -A "$pgdata")" ]; then
    aside="$pgdata.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    mv -- "$pgdata" "$aside"
    echo "restore: moved the existing database aside to $aside"
  fi
  echo "restore: unpacking the embedded PostgreSQL into $pgdata"
  mkdir -p "$pgdata"
  chmod 700 "$pgdata"
  tar --extract --gzip --file "$work/postgres.tar.gz" --directory "$pgdata" --no-same-owner \
    && tar --extract --gzip --file "$work/postgres-wal.tar.gz" --directory "$pgdata" --no-same-owner \
    || fail "unpacking the database copy failed"
  mkdir -p "$pgdata/pg_wal/archive_status"
  chmod 700 "$pgdata"
  echo "restore: database restored (its WAL is replayed when the app starts)"
  tables=0
else
  tables=$(psql --no-password --no-psqlrc --quiet --tuples-only --no-align --dbname="$dbname" --command \
    "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
       and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'" 2> >(redact)) \
    || fail "cannot connect to the target database (does it exist? createdb it first)" 2
  if [ "$tables" != 0 ] && [ "$force" != true ]; then
    fail "the target database is not empty ($tables tables, views or sequences): use an empty one, or --force" 4
  fi
  if [ -n "$data_dir" ] && [ "$force" != true ]; then
    for part in attachments keys; do
      if [ -e "$data_dir/$part" ] && [ -n "$(ls -A "$data_dir/$part")" ]; then
        fail "$data_dir/$part is not empty: restore into an empty data dir, or --force" 4
      fi
    done
  fi

  echo "restore: restoring the database"
  clean=()
  [ "$force" = true ] && clean=(--clean --if-exists)
  pg_restore --no-password --single-transaction --exit-on-error --no-owner --no-privileges "${clean[@]+"${clean[@]}"}" \
    --dbname="$dbname" "$work/database.dump" 2> >(redact) \
    || fail "pg_restore failed; nothing was restored (single transaction)"
  echo "restore: database restored"
fi

files=0
if [ -n "$data_dir" ]; then
  echo "restore: restoring files into $data_dir"
  mkdir -p "$data_dir"
  tar --extract --gzip --file "$work/files.tar.gz" --directory "$data_dir" --no-same-owner --no-overwrite-dir \
    || fail "extracting the files failed (the database is already restored)"
  files=$(tar --list --gzip --file "$work/files.tar.gz" | grep -vc -e '/$' -e '^$' || true)
fi
echo "restore: done ($tables tables were there before, $files files restored) from $(basename "$backup")"
